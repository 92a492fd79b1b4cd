/**
 * The API's answers as the server declares them. Type-only imports, erased at build: the pages
 * read the same shapes the routes validate, so a renamed field breaks `tsc -p web`, not a screen.
 */
export type { CustomerScripts } from '../../src/api/routes/get-customer-scripts.js';
export type { RiskListItem } from '../../src/api/routes/get-risk-list.js';
export type { OverviewResponse as Overview } from '../../src/api/routes/get-overview.js';
export type { WarningBoardResponse as WarningBoard } from '../../src/api/routes/get-warning-board.js';
export type { RecallBoardResponse as RecallBoard } from '../../src/api/routes/get-recall-board.js';
export type { FunnelResponse as Funnel } from '../../src/api/routes/get-funnel.js';
export type { CustomerPrediction } from '../../src/api/routes/get-customer-prediction.js';
export type { ModelsResponse } from '../../src/api/routes/get-models.js';
export type { StaffIncentive } from '../../src/api/routes/review-routes.js';
export type { CampaignRecallBoard } from '../../src/api/routes/roi-routes.js';
export type { TaskDetail } from '../../src/api/routes/get-task.js';
export type { TaskList } from '../../src/api/routes/get-tasks.js';
export type { PhoneReveal } from '../../src/api/routes/get-phone-reveals.js';
export type { ProgramPreview } from '../../src/api/routes/post-program-preview.js';
export type { StaffListItem } from '../../src/api/routes/settings-staff.js';
export type { TaskItem } from '../../src/api/tasks/task-schemas.js';
export type { NotesView, NoteVersionView } from '../../src/api/notes/note-schemas.js';
export type { CareResult } from '../../src/domain/care/care-result.js';
export type { VersionedDocument } from '../../src/api/tasks/versioned-documents.js';
export type { PolicyPreview } from '../../src/api/preview-policy.js';
export type { Policy } from '../../src/domain/policy/policy-schema.js';
export type { Program, ProgramDocument, ProgramStep, ProgramTrigger } from '../../src/programs/program-schema.js';
export type { Script, ScriptLibrary, Template } from '../../src/scripts/library-schema.js';
export type { Offer, OfferCatalogue } from '../../src/campaigns/offer-schema.js';
export type { RetentionSettings } from '../../src/campaigns/settings-schema.js';
export type { ContactPolicy } from '../../src/outbox/contact-policy.js';
