/**
 * The names a log line may carry. Anything else a request says (a forged 10 kB intent name, an
 * invented locale) is logged as `other`: log fields come from what the skill knows, never copied
 * from the request. The interaction-model test holds KNOWN_INTENTS to the model's intents.
 */
export const KNOWN_INTENTS: ReadonlySet<string> = new Set([
  'TopicIntent',
  'PainIntent',
  'PalliativeCareIntent',
  'HospiceIntent',
  'EndOfLifeIntent',
  'CaringIntent',
  'MoneyIntent',
  'ChildrenIntent',
  'SideEffectsIntent',
  'TestsIntent',
  'TrialsIntent',
  'LivingWithIntent',
  'UrgentIntent',
  'FeelingsIntent',
  'WhatToSayIntent',
  'NoNumberIntent',
  'DiagnosisIntent',
  'SourceIntent',
  'SwitchSiteIntent',
  'OptionsIntent',
  'DoctorQuestionsIntent',
  'SpeedIntent',
  'VolumeIntent',
  'UpToDateIntent',
  'ListenerIntent',
  'ForgetMeIntent',
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
  'AMAZON.RepeatIntent',
  'AMAZON.MoreIntent',
  'AMAZON.StartOverIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.PreviousIntent',
]);

/** Request types Alexa sends a custom skill (https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-types-reference.html). */
export const KNOWN_REQUEST_TYPES: ReadonlySet<string> = new Set([
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'CanFulfillIntentRequest',
  'System.ExceptionEncountered',
  'Alexa.Presentation.APL.UserEvent',
  'AlexaSkillEvent.SkillEnabled',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillPermissionChanged',
  'AlexaSkillEvent.SkillAccountLinked',
]);

/** Alexa's locales (https://developer.amazon.com/en-US/docs/alexa/custom-skills/develop-skills-in-multiple-languages.html). */
export const KNOWN_LOCALES: ReadonlySet<string> = new Set([
  'ar-SA',
  'de-DE',
  'en-AU',
  'en-CA',
  'en-GB',
  'en-IN',
  'en-US',
  'es-ES',
  'es-MX',
  'es-US',
  'fr-CA',
  'fr-FR',
  'hi-IN',
  'it-IT',
  'ja-JP',
  'nl-NL',
  'pt-BR',
]);

/** Alexa's request ids: a fixed prefix and a UUID-like tail; a forged one is `other`. */
export const REQUEST_ID = /^amzn1\.echo-api\.request\.[A-Za-z0-9-]{1,64}$/;
