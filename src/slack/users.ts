import type { WebClient } from '@slack/web-api';

/** A person's timezone as Slack knows it (users.info, with their workspace's token), for a digest subscribed without `tz`. */
export function slackUserTimezone(
  clientFor: (teamId: string) => Promise<WebClient | undefined>,
): (userId: string, teamId: string) => Promise<string | undefined> {
  return async (user, teamId) => {
    const client = await clientFor(teamId);
    return client ? ((await client.users.info({ user })).user as { tz?: string } | undefined)?.tz : undefined;
  };
}
