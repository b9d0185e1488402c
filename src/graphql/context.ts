import type { Caller } from '../auth/caller';
import type { Services } from '../services';
import type { Loaders } from '../loaders';

/** What a resolver or loader works with for one request: who calls, the services, the batches.
 * Services never see it: they take the `Caller` and their collaborators come through their constructors. */
export interface RequestContext {
  caller: Caller;
  services: Services;
  loaders: Loaders;
}
