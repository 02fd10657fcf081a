// Shared by server and pages: the words of issue 10.

// Consent and satisfaction words are written once, in app/domain/suggestions/vocabulary.ts.
export {
  isPublicationConsent,
  publicationConsents,
  satisfactionLevels,
  type PublicationConsent,
  type Satisfaction,
} from '../suggestions/vocabulary.ts';

export const MAX_RATING_COMMENT = 500;
export const MAX_CONSENT_NOTE = 500;

export type RatingOutcome = 'rated' | 'already_rated' | 'not_decided' | 'not_found' | 'invalid' | 'staff_session';
