import type { WebClient } from '@slack/web-api';

/** A person's timezone as Slack knows it (users.info), for a digest subscribed without `tz`. */
export function slackUserTimezone(client: WebClient): (userId: string) => Promise<string | undefined> {
  return async (user) => ((await client.users.info({ user })).user as { tz?: string } | undefined)?.tz;
}
