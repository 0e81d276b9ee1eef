import { describe, expect, it } from 'vitest';

// The public surface, pinned: adding, renaming or removing an export must be a deliberate change
// to this list (and to the changelog), never a side effect of a refactor.
const INDEX_EXPORTS = [
  'HttpError',
  'NetworkError',
  'OptionError',
  'PERSISTED_KEYS',
  'ParleyError',
  'REDACTED',
  'ResponseError',
  'createBrowserEnvironment',
  'createClient',
  'createContextSource',
  'createHttpTransport',
  'createMemoryStorage',
  'createWebStorage',
  'defineParleyElement',
  'getWidget',
  'init',
  'isHttpError',
  'isNetworkError',
  'isOptionError',
  'isParleyError',
  'isPersistedKey',
  'isResponseError',
  'isTransientError',
  'redactUrl',
  'systemClock',
  'watchNavigation',
  'withConsent',
];

const PROTOCOL_EXPORTS = [
  'ArticleListSchema',
  'ArticleResponseSchema',
  'ArticleSchema',
  'ArticleSummarySchema',
  'AttachmentSchema',
  'AuthorRoleSchema',
  'AuthorSchema',
  'AvailabilitySchema',
  'BusinessHoursSchema',
  'ClientIdSchema',
  'ContextUpdateRequestSchema',
  'ContextValueSchema',
  'ConversationListSchema',
  'ConversationResponseSchema',
  'ConversationSchema',
  'ConversationStatusSchema',
  'CreateConversationRequestSchema',
  'CreateSessionRequestSchema',
  'FeaturesSchema',
  'IdSchema',
  'IdentitySchema',
  'LocaleTagSchema',
  'LocalizedTextSchema',
  'MAX_ATTACHMENTS_PER_MESSAGE',
  'MAX_TEXT_LENGTH',
  'MessagePageSchema',
  'MessageSchema',
  'NoticeSchema',
  'OperatorConversationDetailSchema',
  'OperatorConversationListSchema',
  'OperatorConversationSchema',
  'OperatorSendRequestSchema',
  'OperatorStatusRequestSchema',
  'PROTOCOL_VERSION',
  'PageContextSchema',
  'PageVisitSchema',
  'ProblemCodeSchema',
  'ProblemSchema',
  'QuickReplySchema',
  'RatingRequestSchema',
  'RatingSchema',
  'ReadRequestSchema',
  'RedactionSchema',
  'SecretActionSchema',
  'SecretKindSchema',
  'SendMessageRequestSchema',
  'SendMessageResponseSchema',
  'ServerEventSchema',
  'SessionResponseSchema',
  'SessionSchema',
  'SystemEventSchema',
  'TimestampSchema',
  'TopicSchema',
  'TypingRequestSchema',
  'UpdateSessionRequestSchema',
  'UploadLimitsSchema',
  'UploadResponseSchema',
  'WidgetConfigSchema',
];

describe('public exports', () => {
  // First, so the modules are not loaded yet when it looks at the page before and after.
  it('has no side effects at import time', async () => {
    const pushState = history.pushState;
    const globals = new Set(Object.keys(window));
    await import('../../src/index.js');
    expect(customElements.get('parley-chat')).toBeUndefined();
    expect(history.pushState).toBe(pushState);
    expect('Parley' in window).toBe(false);
    // nanostores and zod keep registries on globalThis; nothing of ours may appear there.
    expect(Object.keys(window).filter((k) => !globals.has(k) && /parley/i.test(k))).toEqual([]);
    expect(document.body.children).toHaveLength(0);
  });

  it('parley-chat exports exactly the pinned names', async () => {
    const api = await import('../../src/index.js');
    expect(Object.keys(api).sort()).toEqual(INDEX_EXPORTS);
  });

  it('parley-chat/protocol exports exactly the pinned names', async () => {
    const api = await import('../../src/protocol.js');
    expect(Object.keys(api).sort()).toEqual(PROTOCOL_EXPORTS);
  });
});
