import { SkillBuilders, type PersistenceAdapter, type Skill } from 'ask-sdk-core';
import { kindErrorHandler } from './errors/kind-error-handler';
import { doctorQuestionsHandler } from './intents/doctor-questions';
import { fallbackHandler } from './intents/fallback';
import { forgetMeHandler } from './intents/forget-me';
import { goBackHandler } from './intents/go-back';
import { helpHandler } from './intents/help';
import { launchHandler } from './intents/launch';
import { listenerHandler } from './intents/listener';
import { moreHandler } from './intents/more';
import { optionsHandler } from './intents/options';
import { repeatHandler } from './intents/repeat';
import { crisisHandler, diagnosisHandler, feelingsHandler, noNumberHandler, urgentHandler, whatToSayHandler } from './intents/safety';
import { sessionEndedHandler, unspokenRequestHandler } from './intents/session-ended';
import { skillDisabledHandler } from './intents/skill-disabled';
import { sourceHandler, upToDateHandler } from './intents/source';
import { speedHandler } from './intents/speed';
import { startOverHandler } from './intents/start-over';
import { stopHandler } from './intents/stop';
import { switchSiteHandler } from './intents/switch-site';
import { topicHandler } from './intents/topic';
import { volumeHandler } from './intents/volume';
import { noHandler, yesHandler } from './intents/yes-no';
import { namedHandlers } from './observability/request-log';
import { adapterFromEnvironment } from './preferences/dynamodb-adapter';
import { withPreferences } from './preferences/preferences';
import { contentInterceptor } from './request/content-interceptor';
import { listenerInterceptor } from './request/listener-interceptor';
import { sessionStartInterceptor } from './request/session-start-interceptor';
import { configuredSkillId } from './skill-id';

/**
 * Builds the skill: called once per container, at module load. With a skill id, it answers only that
 * skill. Preferences are kept in `persistenceAdapter` (by default the DynamoDB table PREFERENCES_TABLE);
 * without one they are the defaults and nothing is saved.
 */
export function buildSkill(skillId = configuredSkillId(), persistenceAdapter: PersistenceAdapter | undefined = adapterFromEnvironment()): Skill {
  const builder = withPreferences(SkillBuilders.custom(), persistenceAdapter)
    .addRequestInterceptors(contentInterceptor, sessionStartInterceptor, listenerInterceptor)
    .addRequestHandlers(
      ...namedHandlers({
        launchHandler,
        // Safety first: a warning sign or a crisis, heard in any intent, outranks what else was asked.
        urgentHandler,
        crisisHandler,
        feelingsHandler,
        diagnosisHandler,
        noNumberHandler,
        whatToSayHandler,
        topicHandler,
        switchSiteHandler,
        goBackHandler,
        optionsHandler,
        doctorQuestionsHandler,
        sourceHandler,
        upToDateHandler,
        speedHandler,
        volumeHandler,
        listenerHandler,
        forgetMeHandler,
        yesHandler,
        noHandler,
        moreHandler,
        repeatHandler,
        helpHandler,
        stopHandler,
        startOverHandler,
        sessionEndedHandler,
        skillDisabledHandler,
        unspokenRequestHandler,
        // Last: catches any intent nothing above claimed, including AMAZON.FallbackIntent.
        fallbackHandler,
      }),
    )
    .addErrorHandlers(kindErrorHandler)
    .withCustomUserAgent('secondary-cancer-guide');
  return (skillId ? builder.withSkillId(skillId) : builder).create();
}
