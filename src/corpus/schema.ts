import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const pageEntrySchema = z.object({
  title: z.string().min(1).max(500),
  abstract: z.string().min(1),
  authorsCount: z.number().int().min(0).max(100_000).optional(),
  organization: z.string().min(1).max(200).optional(),
  publishedAt: isoDate.optional(),
  upvotes: z.number().int().min(0).optional(),
  pageDate: isoDate.optional(),
  file: z.string().min(1),
  line: z.number().int().min(1),
});
