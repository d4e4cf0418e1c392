/**
 * The field's own equivalences: what a machine-learning researcher means "in other words". Written by
 * hand from knowledge of the field (and the library's vocabulary), before any judged query was read;
 * nothing here is aimed at a query. Each line is either
 *   `a = b = c`      phrases meaning the same thing: each finds the others, or
 *   `a | b > c | d`  everyday words and phrases (left) for the terms papers use (right), one way.
 * A phrase is matched by its terms (stopwords left out, plurals folded, stems compared) anywhere in the
 * query, in any order. `#` starts a comment.
 */
export const DOMAIN_TERMS = `
# Model compression and efficient inference
quantization = quantized = low bit = lowbit = low precision = reduced precision = fewer bits = int8 = int4 = 4bit = 8bit
binarization = binarized = binary weights = binary neural network = 1bit = bnn
ternary = ternary weights = ternarization = 2bit
post training quantization = ptq = quantization without retraining = calibration set
quantization aware training = qat
mixed precision = bit allocation = per layer bit width = bit width search
floating point = fp4 = fp8 = fp16 = bf16 = float
integer only = integer arithmetic = integer inference = int8 inference
vector quantization = vq = codebook = codebooks = discrete codes
pruning = pruned = sparsity = sparsification = removing weights = weight removal = sparse weights
structured pruning = channel pruning = filter pruning = width pruning = remove channels
semi structured sparsity = n m sparsity = 2 4 sparsity = fine grained sparsity
knowledge distillation = distillation = distilled = student teacher = teacher student = student model = teacher model = kd
self distillation = distill itself = own predictions
learn from larger model | mimic larger model | imitate teacher | small model large model | smaller model bigger model > distillation | student teacher
model compression | smaller model | shrink model | compact model | compress model | reduce model size | model size > compression | quantization | pruning | distillation
lightweight = light weight = compact = tiny = small footprint = resource efficient = low complexity
low rank = low rank decomposition = matrix factorization = svd = singular value decomposition = tensor decomposition = factorized
memory footprint = memory usage = memory consumption = memory cost = ram
latency = inference time = inference speed = runtime = wall clock
speed up | faster | accelerate | acceleration | speedup | quicker > acceleration | efficient | speedup | fast
cheap | low cost | inexpensive | affordable | less compute | cheaper > efficient | efficiency | low cost
speculative decoding = draft model = draft tokens = draft and verify = parallel decoding = lossless acceleration
kv cache = key value cache = cache compression = cached keys values
early exit = early exiting = dynamic depth = adaptive computation = adaptive inference = layer skipping = dynamic inference
mixture of experts = moe = sparse experts = expert routing = router = gating network = experts routing = conditional computation
low rank adaptation = lora = low rank adapter
parameter efficient fine tuning = peft = parameter efficient = adapter = adapters = prompt tuning = prefix tuning = few trainable parameters
neural architecture search = nas = architecture search = automl = automated architecture design
edge device | mobile device | phone | smartphone | embedded device | microcontroller | on device | laptop > edge | mobile | embedded | on device | resource constrained
edge computing = edge devices = on device = resource constrained = edge inference
hardware accelerator = fpga = asic = accelerator = chip = on chip = hardware aware = hardware efficient
in memory computing = compute in memory = memristor = resistive memory = analog computing = crossbar
energy efficiency = energy consumption = power consumption = energy saving = low power = energy efficient
split computing = split inference = edge cloud = offloading = collaborative inference
distributed training = data parallel = model parallel = pipeline parallel = tensor parallel = multi gpu = parallelism
serving = deployment = inference serving = deploy = production
elastic = nested = slimmable = once for all = flexible width = any width = many sizes in one model
matryoshka = nested representation = nested embedding = flexible dimension = truncatable embedding = multi granularity embedding
bit switching = any precision = multiple bit widths = adaptive bit width = switchable precision
data free = without data = no training data = zero shot quantization = synthetic calibration data
token pruning = token merging = token reduction = fewer tokens = drop tokens = token compression = token sparsification

# Attention, architectures and sequence models
transformer = attention based = self attention network
attention = self attention = attention mechanism = attention head = attention heads
linear attention = linear complexity = subquadratic = efficient attention = kernelized attention = linear time attention
sparse attention = local attention = sliding window attention = block sparse attention
multi query attention = mqa = grouped query attention = gqa = shared key value heads
long context = long sequence = long sequences = long range = long document = long input = context length = context window
length generalization = length extrapolation = longer sequences than training = extrapolate length
positional encoding = position embedding = positional embedding = position encoding = rotary = rope = relative position
state space model = ssm = mamba = s4 = selective scan = selective state space
recurrent neural network = rnn = lstm = gru = recurrence = recurrent
convolutional neural network = cnn = convnet = convolution = convolutional
large kernel = kernel size = receptive field = dilated convolution = depthwise convolution
mlp mixer = all mlp = mlp only = token mixing = mixer
activation function = gelu = relu = glu = swiglu = nonlinearity = activation
normalization layer = layer norm = layernorm = batch norm = batchnorm = rmsnorm
residual connection = skip connection = shortcut connection = residual
weight sharing = parameter sharing = tied weights = shared weights
encoder only = bert style = bidirectional encoder = encoder model
decoder only = gpt style = causal language model = autoregressive language model = causal attention = left to right
encoder decoder = seq2seq = sequence to sequence = t5 = encoder and decoder
hypernetwork = weight generation = generated weights
pointer network = copy mechanism = pointer = output positions
spiking neural network = snn = spiking = spike = neuromorphic
reservoir computing = liquid state machine = echo state network = reservoir
hypercomplex = quaternion = parameterized hypercomplex
capsule network = capsule = capsules
graph neural network = gnn = message passing = graph convolution = gcn = graph attention
fourier = frequency domain = spectral = fft = fourier transform
wavelet = wavelet transform = multi resolution analysis
vision transformer = vit = image transformer = visual transformer
swin = shifted window = window attention = hierarchical vision transformer

# Language models and text
large language model = llm = llms = large language models = gpt = foundation language model
chatbot | chat assistant | assistant | conversational agent | chat model | chatgpt > large language model | llm | dialogue | dialog
language model = lm = language models = lms
small language model = slm = compact language model = small lm = sub billion
instruction tuning = instruction following = instruction fine tuning = instruction tuned = supervised fine tuning = sft
rlhf = human feedback = human preference = human preferences = preference optimization = reward model = dpo = preference alignment = reinforcement learning from human feedback
alignment = aligned = value alignment = preference alignment = safety alignment
chain of thought = cot = step by step = reasoning trace = reasoning steps = intermediate steps = think step = rationale
reasoning = reason = inference time scaling = test time compute = thinking
in context learning = icl = few shot prompting = demonstrations = prompt examples = in context examples
prompting = prompt = prompt engineering = prompts
retrieval augmented generation = rag = retrieval augmented = retrieve then generate = grounded generation = retrieval enhanced
hallucination = factual error = fabricated = unfaithful = factuality = made up facts = hallucinate
jailbreak = adversarial prompt = prompt injection = red teaming = harmful output
tokenizer = tokenization = subword = byte pair encoding = bpe = vocabulary = tokens
embedding model = text embedding = sentence embedding = sentence embeddings = sentence representation = text representation = embeddings
masked language model = mlm = masked language modeling = bert = masked token prediction = fill in the blank
pretraining = pre training = pretrained = pre trained = self supervised pretraining
fine tuning = finetuning = fine tune = finetune = fine tuned = adapting = adaptation
question answering = qa = answering questions = answer questions = reading comprehension = open domain qa
summarization = summary = summarize = summaries = abstractive summarization
machine translation = translation = translate = mt = translating between languages
text generation = natural language generation = nlg = generating text = open ended generation
text classification = document classification = topic classification = classify text = sentence classification
named entity recognition = ner = entity extraction = entity recognition
information extraction = feature extraction from text = relation extraction = extract information
sentiment analysis = sentiment = opinion mining = polarity
readability = text simplification = plain language = simplify text = lay summary = easy to read
multilingual = cross lingual = many languages = low resource languages = non english = language specific
dialogue = dialog = conversation = conversational = chat = response selection = multi turn
agent = agents = autonomous agent = tool use = function calling = agentic
knowledge editing = model editing = edit knowledge = update facts = locate and edit = editing knowledge
machine unlearning = unlearning = forget = forgetting data = remove knowledge = erase concept = concept erasure
diffusion language model = diffusion lm = discrete diffusion = masked diffusion = non autoregressive generation
non autoregressive = parallel generation = parallel decoding = parallel sampling
coreference = pronoun = pronouns = coreference resolution
gender bias = bias = biased = stereotype = fairness = debiasing
generative classifier = classification by generation = generative classification
perplexity = language modeling loss = next token prediction
autoregressive = next token prediction = causal = token by token

# Code
code = source code = program = programs = programming = software
code generation = code llm = code language model = program synthesis = code completion = coding = write code
code translation = program translation = transpile = convert code = translate code = code conversion
code understanding = code search = code representation = code summarization
bug = defect = vulnerability = bug fixing = program repair
python = java = javascript = programming language

# Retrieval, search and recommendation
search engine | web search | document search | search > retrieval | information retrieval | ranking | search
information retrieval = ir = retrieval = document retrieval = passage retrieval
dense retrieval = dense retriever = dual encoder = bi encoder = two tower = embedding based retrieval = vector retrieval
reranking = re ranking = reranker = cross encoder = passage ranking = rerank
sparse retrieval = bm25 = lexical matching = term matching = exact term matching = splade
multi vector retrieval = late interaction = colbert = multi vector = token level embeddings
nearest neighbor search = ann = approximate nearest neighbor = vector search = similarity search = maximum inner product search = mips = knn
recommendation = recommender system = recommender = collaborative filtering = personalization = user item = recommend
extreme classification = extreme multi label = xmc = extreme multi label classification = millions of labels
hashing = binary codes = binary embedding = hamming = learning to hash
query expansion = document expansion = passage expansion = term expansion
click through rate = ctr = user engagement = clicks

# Vision: images and video
photo | picture | photograph | pictures | photos | snapshot | snapshots > image | images | visual
footage | movie | film | clip | clips > video | videos
camera | cameras > image | video | visual
image classification = image recognition = visual recognition = imagenet = classify images = object recognition
object detection = detector = bounding box = bounding boxes = detect objects = detecting objects = locate objects = yolo = detr
semantic segmentation = pixel labeling = pixel wise classification = pixel level classification = scene parsing = dense prediction
instance segmentation = mask prediction = object masks = panoptic segmentation = mask2former
medical image segmentation = organ segmentation = tumor segmentation = lesion segmentation = medical segmentation
medical imaging | scan | scans | mri | ct | x ray | xray | radiology | ultrasound | pathology > medical image | medical | clinical
satellite = satellite images = aerial = remote sensing = earth observation = overhead imagery
self driving = autonomous driving = autonomous vehicle = driverless = driving = automated driving
road | street | traffic | car | cars | vehicle > driving | autonomous driving | road scene | urban scene
lidar = point cloud = point clouds = 3d points = laser scanner
sensor fusion = multi modality fusion = camera lidar fusion = multi sensor = modality fusion
infrared = thermal = rgb t = rgbt = infrared visible
low light = night = dark = poor lighting = illumination
image inpainting = inpainting = fill missing region = missing region = missing regions = missing pixels = hole filling = image completion = masked region = fill holes = damaged region
video inpainting = remove object from video = fill missing video = video completion
image editing = edit image = photo editing = image manipulation = editing = instruction based editing
super resolution = upscaling = upsample = upsampling = enhance resolution = increase resolution = low resolution to high resolution = sr
image denoising = denoising = noise removal = remove noise = noisy images
image restoration = deblurring = deblur = dehazing = deraining = restoration = restore images = image enhancement = blur
image compression = learned image compression = neural image compression = neural image codec = image codec = jpeg
video compression = video coding = video codec = learned video compression = neural video compression
lossless compression = entropy coding = arithmetic coding = lossless = bits back
rate distortion = bitrate = bit rate = rate distortion tradeoff = bits per pixel = bpp
entropy model = probability model = context model = hyperprior
text to image = text to image generation = image generation from text = prompt to image = image synthesis = text conditioned image generation
image generation = generate images = image synthesis = generative image model = image generator
diffusion model = diffusion = denoising diffusion = ddpm = score based = latent diffusion = stable diffusion = diffusion models
generative adversarial network = gan = gans = adversarial generation = generator discriminator
variational autoencoder = vae = variational auto encoder = elbo
autoencoder = auto encoder = encoder decoder reconstruction
video generation = text to video = video synthesis = generate videos = generating videos = video diffusion
image to video = animate image = image animation = animating images
video prediction = future frame prediction = predict future frames = frame prediction = forecast frames
image captioning = caption = captions = describe images = image description = captioning
visual question answering = vqa = questions about images = image question answering
document question answering = docvqa = questions about documents = document qa
vision language model = vlm = vlms = multimodal large language model = mllm = lvlm = large vision language model = multimodal llm = vision language
multimodal = multi modal = cross modal = vision and language = image and text = multiple modalities = multimodality
image text = image text pairs = image caption pairs = alt text = noisy text supervision
clip = contrastive language image pretraining = image text contrastive = contrastive image text
composed image retrieval = cir = image plus text query = reference image and text = modified image retrieval
image retrieval = image search = find similar images = content based image retrieval = visual search
cross modal retrieval = text to image retrieval = image text retrieval = text image retrieval = text video retrieval
person re identification = re identification = reid = re id = pedestrian retrieval = person retrieval
face recognition = face verification = face identification = facial recognition = face embedding = identify faces
face = facial = faces = human face = face perception = face analysis
facial expression = emotion recognition = expression recognition = affect
pose estimation = keypoint = keypoints = human pose = body pose = skeleton = joints
action recognition = activity recognition = human action = video classification = recognize actions
object tracking = tracking = multi object tracking = track objects = tracker
video understanding = video analysis = video language = video llm = video question answering
depth estimation = depth prediction = monocular depth = depth map = distance from camera
3d reconstruction = reconstruct 3d = multi view reconstruction = shape from images = single view 3d = single view reconstruction = image to 3d
neural radiance field = nerf = nerfs = novel view synthesis = view synthesis = radiance field = radiance fields
gaussian splatting = 3dgs = 3d gaussian = 3d gaussians = splatting
implicit neural representation = inr = neural field = neural fields = coordinate network = coordinate based mlp = implicit representation
3d generation = text to 3d = 3d asset generation = 3d content creation = mesh generation = shape generation = 3d asset
mesh = polygon mesh = triangle mesh = meshes = 3d mesh
single view = single image = monocular = one image
triplane = tri plane = triplanes
voxel = voxels = occupancy = volumetric
volumetric video = free viewpoint video = dynamic human = human centric video = 4d human
avatar = digital human = animatable human = human avatar = talking head
anime = cartoon = manga = illustration = stylized character = drawing
hair = hairstyle = hair modeling = strands
style transfer = stylization = artistic style = style
subject driven generation = personalized generation = personalization = customized generation = dreambooth = identity preserving = multi subject
controllable generation = controllable = control = conditioning = controlnet = guided generation = layout control
text image alignment = prompt following = compositional generation = image text alignment = prompt alignment
image quality assessment = iqa = perceptual quality = visual quality = quality score = no reference quality
scene text = text in images = street sign = street signs = signboard = signs = street view text = text in the wild = natural scene text = shop sign
optical character recognition = ocr = text recognition = read text = reading text = recognize text = text reading
document understanding = document ai = scanned document = scanned documents = scanned page = scanned pages = document image = document images = form understanding = invoice = receipt = pdf
table recognition = table structure recognition = table extraction = table detection = table parsing
handwriting recognition = handwritten text = handwritten = handwriting
visual tokens = image tokens = patch tokens = vision tokens
image tokenizer = visual tokenizer = discrete visual tokens = vq vae = vqgan = image tokens
high resolution = high res = hd = fine details = 4k
encoder free = without vision encoder = no vision encoder = encoderless
feature pyramid = multi scale = multiscale = multi scale features = pyramid
deepfake = fake image = forgery = manipulated media = synthetic image detection = ai generated image detection
event camera = dynamic vision sensor = dvs = event data = event based = neuromorphic camera
video frame interpolation = frame interpolation = slow motion = intermediate frames

# Speech, audio and music
microphone | recording | recordings | spoken | voice | voices | sound | sounds | listening > audio | speech | acoustic
speech recognition = asr = automatic speech recognition = transcription = speech to text = transcribe = voice recognition = transcribing
text to speech = tts = speech synthesis = voice synthesis = voice generation = synthesize speech
speech separation = source separation = speaker separation = separate speakers = separating speakers = cocktail party = overlapping speech = monaural separation = speech mixture
speech enhancement = noise suppression = denoising speech = noise reduction = background noise = noisy speech = enhance speech
echo cancellation = acoustic echo cancellation = aec = echo
speaker verification = speaker recognition = speaker identification = voice identity = who is speaking
speaker diarization = diarization = who spoke when
music = musical = instrument = instruments = song = songs = music information retrieval
audio codec = neural audio codec = speech codec = audio tokenizer = speech tokenizer = discrete audio tokens = acoustic tokens = neural codec
spoken language model = speech language model = speech llm = voice assistant = audio language model = spoken dialogue
full duplex = listen while speaking = listening while speaking = interruption = barge in = real time conversation = duplex
audio visual = audio visual speech recognition = lip reading = lip = lips = avsr
language identification = language id = spoken language identification = lid
speech translation = speech to speech translation = spoken translation = s2st
streaming = real time = online = low latency = realtime = on the fly
audio classification = sound classification = audio tagging = sound event detection = audio understanding
conformer = convolution augmented transformer

# Learning paradigms and training
self supervised learning = self supervised = ssl = unsupervised pretraining = without labels = unlabeled data = no labels = label free
contrastive learning = contrastive = positive pairs = negative samples = infonce = positive and negative pairs
masked autoencoder = mae = masked image modeling = mim = masked modeling = masking = masked autoencoders
semi supervised = semi supervised learning = few labels = partially labeled = pseudo labels = pseudo labeling
fewshot = few examples = handful of examples = low shot = limited examples = limited data
zero shot = zeroshot = without training examples = unseen classes = zero shot transfer = no examples
transfer learning = domain adaptation = domain shift = distribution shift = cross domain = domain generalization
continual learning = lifelong learning = incremental learning = catastrophic forgetting = class incremental = continual
federated learning = decentralized training = privacy preserving training = federated = clients
differential privacy = privacy = private = privacy preserving
adversarial example = adversarial attack = adversarial robustness = adversarial perturbation = adversarial examples = attack
backdoor = trojan = data poisoning = poisoning
energy latency attack = sponge examples = denial of service = resource consumption attack
out of distribution = ood = anomaly detection = outlier detection = novelty detection = anomalies
explainability = interpretability = explainable = xai = saliency = attribution = interpretable = explanation
mechanistic interpretability = circuits = circuit discovery = circuit identification = features inside model
sparse autoencoder = sae = saes = dictionary learning = sparse dictionary = monosemantic
uncertainty = calibration = confidence estimation = uncertainty estimation = calibrated
metric learning = distance metric learning = triplet loss = similarity learning = embedding space = class separability
clustering = cluster = clusters = grouping = unsupervised grouping
representation learning = representations = learned features = feature learning = embeddings
mutual information = infomax = information theoretic = information bottleneck
disentanglement = disentangled = disentangled representation = factors of variation = disentangle
multi task learning = multi task = multitask = multiple tasks = task interference
meta learning = learning to learn = meta learner = meta
curriculum learning = curriculum = easy to hard
data augmentation = augmentation = augmentations = augmented data
synthetic data = generated data = data generation = data synthesis = synthetic dataset
dataset = data set = corpus = benchmark dataset = collection
benchmark = evaluation suite = leaderboard = benchmarking = evaluation benchmark
survey = review = overview = literature review = taxonomy
optimizer = optimization = adam = sgd = gradient descent = optimizers
learning rate = step size = warmup = learning rate schedule
scaling law = scaling laws = compute optimal = scaling = scale up = larger models
overfitting = memorization = memorize = overfit
generalization = generalize = generalizes = out of domain
straight through estimator = ste = gradient estimation = non differentiable
evolutionary search = evolutionary algorithm = genetic algorithm = evolution strategy = evolutionary
bayesian = probabilistic = posterior = bayesian inference
gaussian mixture = mixture model = gmm = mixture of gaussians
variational inference = elbo = evidence lower bound = variational
energy based model = ebm = energy based = energy function
probabilistic circuit = sum product network = tractable probabilistic model = tractable model
implicit bias = implicit regularization = inductive bias = training dynamics
joint embedding = jepa = joint embedding predictive architecture = predict in latent space
invariance = equivariance = invariant = equivariant = symmetry
model merging = weight averaging = model soup = merge models
model replacement = backward compatible = compatible representations = model upgrade = compatibility

# Reinforcement learning, robotics and agents
reinforcement learning = rl = reward = rewards = policy optimization = policy gradient = ppo = grpo
robot | robots | robotic arm | robot arm | grasping | manipulation > robotics | robot | embodied
vision language action = vla = robot policy = embodied agent = robot foundation model
navigation = path planning = motion planning = planning
game = games = atari = chess = go = board game
monte carlo tree search = mcts = tree search = search tree
world model = world models = environment model = learned simulator

# Graphs, time series, tabular and science
time series = temporal data = sequential data = time series data = series
time series forecasting = forecasting = predict future values = forecast = time series prediction
time series generation = synthetic time series = generating time series
knowledge graph = kg = entity relation = triples = knowledge base
combinatorial optimization = traveling salesman = tsp = convex hull = routing problem = combinatorial
tabular = table = tables = tabular data = spreadsheet
molecule = molecular = drug discovery = chemistry = protein
weather = climate = weather forecasting = climate modeling
biomedical = medical = clinical = healthcare = health = biology = patients
legal = law = legal documents
finance = financial = stock = trading
mathematics = math = mathematical = theorem proving = math word problems = arithmetic
mathematical modeling = probabilistic modeling = mathematical formulation = theoretical analysis

# Other applications
app review = user reviews = app store reviews = user feedback = reviews = customer reviews
mobile app = android = ios = app store = apps = smartphone app
process mining = event log = event logs = business process = workflow mining
iot = internet of things = sensors = sensor networks = smart devices
bundle recommendation = bundle construction = item bundles = product bundles
watermarking = watermark = watermarks = provenance
copyright = memorized content = training data extraction = data leakage
misinformation = fake news = fact checking = rumor
toxicity = hate speech = offensive language = harmful content
`;
