import type { PluralMessage } from '../PluralMessage.js';

/**
 * The English catalog: the source of every key. Other locales are typed as {@link Catalog}, so a
 * missing key fails the type check, and a unit test checks the same at run time.
 * `{name}` is replaced by a parameter; an object is a plural message picked by `Intl.PluralRules`
 * for the `count` parameter.
 */
export const en = {
  'launcher.open': 'Open support chat',
  'launcher.close': 'Close support chat',
  'launcher.unread': { one: '{count} unread message', other: '{count} unread messages' },

  'panel.label': '{brand} support chat',
  'header.close': 'Close chat',
  'header.back': 'Back',
  'header.language': 'Language: {language}',
  'header.agentRole': 'Support specialist',
  'header.botRole': 'Virtual assistant',

  'availability.online': 'Online',
  'availability.away': 'Away',
  'availability.replyInstant': 'replies in under a minute',
  'availability.replyMinutes': { one: 'replies in ~{count} min', other: 'replies in ~{count} min' },
  'availability.replyHours': { one: 'replies in ~{count} hour', other: 'replies in ~{count} hours' },
  'availability.backToday': 'back at {time}',
  'availability.backTomorrow': 'back tomorrow at {time}',
  'availability.backOn': 'back on {date} at {time}',
  'availability.backSoon': 'back soon',

  'welcome.fallbackGreeting': 'Hi! How can we help you today?',
  'welcome.start': 'Start a conversation',
  'welcome.continue': 'Continue the conversation',
  'welcome.lastMessage': 'Last message: {text}',
  'welcome.safety': 'We will never ask for your seed phrase, private keys or card details.',

  'topics.title': 'What is your question about?',
  'topics.subtitle': 'Choose a topic so we can route you to the right specialist.',
  'topics.other': 'Something else',

  'messages.label': 'Conversation',
  'messages.empty': 'Ask us anything. A specialist will reply here.',
  'messages.loadOlder': 'Show earlier messages',
  'messages.loadingOlder': 'Loading earlier messages…',
  'messages.loadOlderFailed': 'Could not load earlier messages. Try again.',
  'messages.jumpToLatest': 'Jump to latest messages',
  'messages.you': 'You',
  'messages.agent': 'Support',
  'messages.bot': 'Assistant',
  'messages.sending': 'Sending…',
  'messages.sent': 'Sent',
  'messages.read': 'Read',
  'messages.failed': 'Not delivered',
  'messages.retry': 'Retry',
  'messages.delete': 'Delete',
  'messages.streaming': 'Writing…',
  'messages.redacted': { one: '{count} sensitive item was hidden', other: '{count} sensitive items were hidden' },
  'messages.sentAt': 'Sent at {time}',

  'failure.secret_blocked': 'Not sent: it looks like a seed phrase, private key or card number.',
  'failure.conversation_resolved': 'Not sent: this conversation is already resolved.',
  'failure.payload_too_large': 'Not sent: the message is too long.',
  'failure.rate_limited': 'Not sent: too many messages. Wait a moment and retry.',
  'failure.generic': 'Not delivered.',

  'typing.named': '{name} is typing…',
  'typing.agent': 'An agent is typing…',
  'typing.bot': 'The assistant is typing…',

  'announce.message': 'New message from {name}: {text}',
  'announce.attachment': { one: '{count} attachment', other: '{count} attachments' },

  'system.agentJoined': '{name} joined the conversation',
  'system.agentJoinedAnonymous': 'A specialist joined the conversation',
  'system.agentLeft': '{name} left the conversation',
  'system.agentLeftAnonymous': 'The specialist left the conversation',
  'system.resolved': 'Conversation resolved',
  'system.reopened': 'Conversation reopened',
  'system.handoffRequested': 'Connecting you to a specialist…',
  'system.ratingSubmitted': 'Feedback received',

  'attachment.open': 'Open {name}',
  'attachment.image': 'Image: {name}',
  'attachment.loadFailed': 'Could not load {name}',

  'composer.label': 'Message',
  'composer.placeholder': 'Write a message…',
  'composer.send': 'Send message',
  'composer.attach': 'Attach a file',
  'composer.hint': 'Press Enter to send, Shift+Enter for a new line.',
  'composer.resolvedHint': 'This conversation is resolved. Writing here reopens it.',
  'composer.newConversation': 'Start a new conversation',
  'composer.disabledSession': 'Chat is unavailable right now. Reload the page to try again.',
  'composer.disabledStarting': 'Connecting to support…',

  'upload.progress': 'Uploading {name}: {percent}%',
  'upload.done': '{name} is ready to send',
  'upload.failed': '{name} could not be uploaded',
  'upload.remove': 'Remove {name}',
  'upload.tray': 'Attachments',

  'quickReplies.label': 'Suggested replies',

  'rating.title': 'How did we do?',
  'rating.subtitle': 'Your rating helps us improve support.',
  'rating.score1': 'Terrible',
  'rating.score2': 'Bad',
  'rating.score3': 'Okay',
  'rating.score4': 'Good',
  'rating.score5': 'Excellent',
  'rating.scoreLabel': '{score} of 5: {label}',
  'rating.comment': 'Anything to add? (optional)',
  'rating.submit': 'Send feedback',
  'rating.submitting': 'Sending…',
  'rating.failed': 'Your rating could not be sent. Try again.',
  'rating.thanks': 'Thank you for your feedback!',

  'away.title': 'We are away right now',
  'away.body': 'We’ll be {back}. Leave your email and we’ll reply there too.',
  'away.bodyNoEmail': 'We’ll be {back}. Leave a message and we’ll reply as soon as we can.',
  'away.emailLabel': 'Your email',
  'away.emailPlaceholder': 'name@example.com',
  'away.submit': 'Notify me',
  'away.invalid': 'Enter an email address such as name@example.com.',
  'away.saved': 'Thanks! We will reply to {email}.',
  'away.failed': 'Your email could not be saved. Try again.',

  'connection.connecting': 'Connecting…',
  'connection.offline': 'You are offline. Messages will be sent when the connection is back.',
  'connection.reconnecting': 'Connection lost. Reconnecting…',

  'error.network': 'Cannot reach support. Reconnecting…',
  'error.timeout': 'Support is responding slowly. Retrying…',
  'error.http': 'Support is temporarily unavailable. We keep trying.',
  'error.rate_limited': 'Too many requests. Please wait a moment.',
  'error.unauthorized': 'Your chat session expired. Starting a new one…',
  'error.invalid_response': 'Support sent an unexpected reply. We keep trying.',
  'error.rejected': 'Something went wrong. Please try again.',
  'error.storage': 'This browser could not save the conversation.',
  'error.attachment': 'The file could not be attached.',
  'error.generic': 'Something went wrong. Please try again.',

  'notice.dismiss': 'Dismiss notice',
  'notice.info': 'Information',
  'notice.warning': 'Warning',
  'notice.critical': 'Important',
} satisfies Record<string, string | PluralMessage>;

/** Every translation key. */
export type CatalogKey = keyof typeof en;

/** A complete translation: every key English has, with plural messages where English has them. */
export type Catalog = { [K in CatalogKey]: (typeof en)[K] extends string ? string : PluralMessage };
