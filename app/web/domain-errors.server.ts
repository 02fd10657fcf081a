import { data } from 'react-router';
import { Forbidden } from '../domain/authorization/actor.ts';
import { NotFound } from '../domain/not-found.ts';

// Domain functions refuse with plain errors; this is the one place that turns
// them into HTTP answers, so a refusal is a 403 page, a missing thing the
// 404 page (the route's error boundary, like invariantResponse), never a 500.

export function domainErrorResponse(error: unknown): ReturnType<typeof data> | null {
  if (error instanceof Forbidden) return data({ message: 'forbidden' }, { status: 403 });
  if (error instanceof NotFound) return data(null, { status: 404 });
  return null;
}

/** Runs a domain call; a Forbidden becomes a thrown 403, a NotFound a thrown 404, anything else passes through. */
export async function orRespond<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const response = domainErrorResponse(error);
    if (response) throw response;
    throw error;
  }
}
