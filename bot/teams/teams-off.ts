import type { Express } from 'express';

/**
 * Teams not configured (no MICROSOFT_APP_ID, no TEAMS_EMULATOR=on): /api/messages still
 * answers, as the Bot Framework would without a valid token, so a probe learns nothing and
 * no activity is ever read, stored or answered.
 */
export function mountTeamsOff(app: Express): void {
  app.post('/api/messages', (_req, res) => {
    res.status(401).json({
      error: 'unauthorized',
      message:
        'Teams is not configured here: set MICROSOFT_APP_ID (or TEAMS_EMULATOR=on to try it with the Bot Framework Emulator on this machine)',
    });
  });
}
