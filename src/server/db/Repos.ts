import { ConversationRepo } from './ConversationRepo.js';
import { EventRepo } from './EventRepo.js';
import { MessageRepo } from './MessageRepo.js';
import type { Db } from './openDatabase.js';
import { PageVisitRepo } from './PageVisitRepo.js';
import { SessionRepo } from './SessionRepo.js';
import { UploadRepo } from './UploadRepo.js';
import { VisitorRepo } from './VisitorRepo.js';

/** One repository per table group, sharing a database handle. */
export interface Repos {
  visitors: VisitorRepo;
  sessions: SessionRepo;
  conversations: ConversationRepo;
  messages: MessageRepo;
  events: EventRepo;
  pageVisits: PageVisitRepo;
  uploads: UploadRepo;
}

export function createRepos(db: Db): Repos {
  return {
    visitors: new VisitorRepo(db),
    sessions: new SessionRepo(db),
    conversations: new ConversationRepo(db),
    messages: new MessageRepo(db),
    events: new EventRepo(db),
    pageVisits: new PageVisitRepo(db),
    uploads: new UploadRepo(db),
  };
}
