export declare const BUILD_OUTPUTS: string[];
export declare function buildIfNeeded(
  root: string,
  log: { info: (message: string) => void; warn: (message: string) => void },
): void;
