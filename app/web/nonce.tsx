import { createContext, useContext } from 'react';

/**
 * The per-request Content-Security-Policy nonce. entry.server provides it;
 * root passes it to <Scripts> and <ScrollRestoration>, whose inline scripts
 * would otherwise be blocked. In the browser it is '' (browsers hide the nonce
 * attribute after parsing), and no script is added after hydration that needs it.
 */
export const NonceContext = createContext('');

export const useNonce = () => useContext(NonceContext);
