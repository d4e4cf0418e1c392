import type { WebClient } from '@slack/web-api';
import type { Runtime } from '../../features/runtime.js';
import { homeView } from '../../features/home.js';

/** Publishes the App Home for one person; a failure is logged, the Home keeps its last version. */
export async function handleHome(rt: Runtime, client: WebClient, teamId: string, userId: string): Promise<void> {
  try {
    await client.views.publish({ user_id: userId, view: await homeView(rt, teamId, userId) });
  } catch (error) {
    rt.log.error('could not publish the App Home', { error, userId });
  }
}
