import { SkillBuilders, type Skill } from 'ask-sdk-core';
import { kindErrorHandler } from './errors/kind-error-handler';
import { doctorQuestionsHandler } from './intents/doctor-questions';
import { fallbackHandler } from './intents/fallback';
import { goBackHandler } from './intents/go-back';
import { helpHandler } from './intents/help';
import { launchHandler } from './intents/launch';
import { moreHandler } from './intents/more';
import { optionsHandler } from './intents/options';
import { repeatHandler } from './intents/repeat';
import { crisisHandler, diagnosisHandler, feelingsHandler, urgentHandler } from './intents/safety';
import { sessionEndedHandler } from './intents/session-ended';
import { sourceHandler } from './intents/source';
import { speedHandler } from './intents/speed';
import { startOverHandler } from './intents/start-over';
import { stopHandler } from './intents/stop';
import { switchSiteHandler } from './intents/switch-site';
import { topicHandler } from './intents/topic';
import { noHandler, yesHandler } from './intents/yes-no';
import { contentInterceptor } from './request/content-interceptor';

/** Builds the skill: called once per container, at module load. */
export function buildSkill(): Skill {
  return (
    SkillBuilders.custom()
      .addRequestInterceptors(contentInterceptor)
      .addRequestHandlers(
        launchHandler,
        // Safety first: a warning sign or a crisis, heard in any intent, outranks what else was asked.
        urgentHandler,
        crisisHandler,
        feelingsHandler,
        diagnosisHandler,
        topicHandler,
        switchSiteHandler,
        goBackHandler,
        optionsHandler,
        doctorQuestionsHandler,
        sourceHandler,
        speedHandler,
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
