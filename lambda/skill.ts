import { SkillBuilders, type PersistenceAdapter, type Skill } from 'ask-sdk-core';
import { kindErrorHandler } from './errors/kind-error-handler';
import { fallbackHandler } from './intents/fallback';
import { helpHandler } from './intents/help';
import { launchHandler } from './intents/launch';
import { moreHandler } from './intents/more';
import { repeatHandler } from './intents/repeat';
import { sessionEndedHandler } from './intents/session-ended';
import { startOverHandler } from './intents/start-over';
import { stopHandler } from './intents/stop';
import { topicHandler } from './intents/topic';
import { noHandler, yesHandler } from './intents/yes-no';
import { withPreferences } from './preferences/preferences';
import { contentInterceptor } from './request/content-interceptor';

export interface SkillOptions {
  /** Where preferences are kept between visits; without one they are the defaults and nothing is saved. */
  readonly persistenceAdapter?: PersistenceAdapter;
}

/** Builds the skill: called once per container, at module load. */
export function buildSkill(options: SkillOptions = {}): Skill {
  return (
    withPreferences(SkillBuilders.custom(), options.persistenceAdapter)
      .addRequestInterceptors(contentInterceptor)
      .addRequestHandlers(
        launchHandler,
        topicHandler,
        yesHandler,
        noHandler,
        moreHandler,
        repeatHandler,
        helpHandler,
        stopHandler,
        startOverHandler,
        sessionEndedHandler,
        // Last: catches any intent nothing above claimed, including AMAZON.FallbackIntent.
        fallbackHandler,
      )
      .addErrorHandlers(kindErrorHandler)
      .withCustomUserAgent('secondary-cancer-guide')
      .create()
  );
}
