import { useStore } from '@nanostores/preact';
import { lazy } from '../lazy.js';
import { useWidget } from '../WidgetContext.js';

// Rarely shown parts of the panel, each a separate chunk fetched when it is first needed (see
// `lazy`). The `needed` hooks repeat the components' own "render nothing" conditions, so that a
// panel without a rating request or outside business hours fetches nothing.

/** The CSAT form: only after a resolution with a rating request. */
export const Rating = lazy(
  () => import('./Rating.js').then((m) => m.Rating),
  () => {
    const conversation = useStore(useWidget().client.$conversation);
    return conversation?.status === 'resolved' && !!conversation.ratingRequested && !conversation.rating;
  },
);

/** The away notice and email capture: only while the desk is closed. */
export const AwayNotice = lazy(
  () => import('./AwayNotice.js').then((m) => m.AwayNotice),
  () => {
    const config = useStore(useWidget().client.$config);
    return !!config && !config.availability.online;
  },
);

/** Pre-chat topics: only for desks that route by topic (the home screen preloads it). */
export const TopicPicker = lazy(() => import('./TopicPicker.js').then((m) => m.TopicPicker));

/** An attachment in a message (rendered only for messages that have one). */
export const AttachmentView = lazy(() => import('./AttachmentView.js').then((m) => m.AttachmentView));

/** The upload chips above the composer: only once the visitor attaches a file. */
export const AttachmentTray = lazy(
  () => import('./AttachmentTray.js').then((m) => m.AttachmentTray),
  (props) => props.items.length > 0,
);

/** The secret warning above the composer: only when the guard held a message back. */
export const SecretWarning = lazy(
  () => import('./SecretWarning.js').then((m) => m.SecretWarning),
  (props) => props.action !== null,
);

/** The screenshot preview: only once a frame was captured. */
export const ScreenshotPreview = lazy(
  () => import('./ScreenshotPreview.js').then((m) => m.ScreenshotPreview),
  (props) => props.blob !== null,
);

/** Help-article search and suggestions on the home screen: only for desks with a knowledge base. */
export const KnowledgeBase = lazy(
  () => import('./KnowledgeBase.js').then((m) => m.KnowledgeBase),
  () => !!useStore(useWidget().client.$config)?.features.knowledgeBase,
);

/** One help article, on its own screen. */
export const ArticleView = lazy(() => import('./ArticleView.js').then((m) => m.ArticleView));

/** The visitor's conversations and their status, on their own screen. */
export const ConversationList = lazy(() => import('./ConversationList.js').then((m) => m.ConversationList));
