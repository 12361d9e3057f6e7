/**
 * The skill's own id, from SKILL_ID. Set it in production: the skill then refuses, unanswered, any
 * request sent for another skill. Unset (local runs, tests), every request is answered.
 */
export function configuredSkillId(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const id = env.SKILL_ID?.trim();
  return id ? id : undefined;
}

/** ask-sdk-core's refusal of a request whose application id is not this skill's (`withSkillId`). */
export function isOtherSkillError(error: unknown): boolean {
  return error instanceof Error && error.message.includes('ID verification failed');
}
