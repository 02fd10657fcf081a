import { data } from 'react-router';

// Unknown URLs render the root ErrorBoundary's localized 404 page.
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
