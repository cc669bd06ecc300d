import { useCallback, useState } from 'react';
import { errorText } from './api';

/**
 * A button's action and the refusal it met: `act(fn)` makes a click handler that clears the
 * last error, runs `fn` and shows the server's reason (`中文 / English`) if it is refused.
 */
export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const act = useCallback(
    (fn: () => Promise<unknown>) => async () => {
      setError(null);
      try {
        await fn();
      } catch (err) {
        setError(errorText(err));
      }
    },
    [],
  );
  return { error, setError, act };
}
