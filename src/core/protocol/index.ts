/**
 * Parley Protocol v1: the wire schemas shared by the client, the reference server and the
 * conformance tests. See docs/protocol.md.
 */
export const PROTOCOL_VERSION = 1;

export {
  AuthorRoleSchema,
  AuthorSchema,
  ClientIdSchema,
  ConversationStatusSchema,
  IdSchema,
  LocaleTagSchema,
  LocalizedTextSchema,
  TimestampSchema,
} from './common.js';
export type { Author, AuthorRole, ClientId, ConversationStatus, LocalizedText } from './common.js';

export { ContextUpdateRequestSchema, ContextValueSchema, PageContextSchema } from './context.js';
export type { ContextUpdateRequest, ContextValue, PageContext } from './context.js';

export { AttachmentSchema, UploadResponseSchema } from './attachment.js';
export type { Attachment, UploadResponse } from './attachment.js';

export {
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_TEXT_LENGTH,
  MessagePageSchema,
  MessageSchema,
  QuickReplySchema,
  RedactionSchema,
  SendMessageRequestSchema,
  SendMessageResponseSchema,
  SystemEventSchema,
} from './message.js';
export type {
  Message,
  MessagePage,
  QuickReply,
  Redaction,
  SendMessageRequest,
  SendMessageResponse,
  SystemEvent,
} from './message.js';

export {
  ConversationListSchema,
  ConversationResponseSchema,
  ConversationSchema,
  CreateConversationRequestSchema,
  RatingRequestSchema,
  RatingSchema,
  ReadRequestSchema,
  TypingRequestSchema,
} from './conversation.js';
export type {
  Conversation,
  CreateConversationRequest,
  Rating,
  ReadRequest,
  TypingRequest,
} from './conversation.js';

export {
  CreateSessionRequestSchema,
  IdentitySchema,
  SessionResponseSchema,
  SessionSchema,
  UpdateSessionRequestSchema,
} from './session.js';
export type {
  CreateSessionRequest,
  Identity,
  Session,
  SessionResponse,
  UpdateSessionRequest,
} from './session.js';

export {
  AvailabilitySchema,
  BusinessHoursSchema,
  FeaturesSchema,
  NoticeSchema,
  SecretActionSchema,
  SecretKindSchema,
  SecretPatternSpecSchema,
  TopicSchema,
  UploadLimitsSchema,
  WidgetConfigSchema,
} from './config.js';
export type {
  Availability,
  BusinessHours,
  Features,
  Notice,
  SecretAction,
  SecretPatternSpec,
  SecretKind,
  Topic,
  UploadLimits,
  WidgetConfig,
} from './config.js';

export { ServerEventSchema } from './events.js';
export type { ServerEvent, ServerEventType } from './events.js';

export { ProblemCodeSchema, ProblemSchema } from './problem.js';
export type { Problem, ProblemCode } from './problem.js';

export {
  ArticleListSchema,
  ArticleResponseSchema,
  ArticleSchema,
  ArticleSummarySchema,
} from './kb.js';
export type { Article, ArticleList, ArticleSummary } from './kb.js';

export {
  OperatorConversationDetailSchema,
  OperatorConversationListSchema,
  OperatorConversationSchema,
  OperatorSendRequestSchema,
  OperatorStatusRequestSchema,
  PageVisitSchema,
} from './operator.js';
export type {
  OperatorConversation,
  OperatorConversationDetail,
  OperatorSendRequest,
  PageVisit,
} from './operator.js';
