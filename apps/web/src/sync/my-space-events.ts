/**
 * My space events arrive on the person's own channel, which the app shell follows for the whole
 * session; the My space page (loaded on demand) listens here while it is shown. Kept tiny: the shell
 * imports it.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

/** Called for every `my_space.*` event and after the person's channel was reloaded. */
export const mySpaceChanged = (): void => {
  for (const listener of listeners) listener();
};

export const onMySpaceChange = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
