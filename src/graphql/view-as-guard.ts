import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode } from 'graphql';
import { forbidden } from '../errors';
import { message, render } from '../i18n/message';
import type { RequestContext } from './context';

/**
 * "View as" is read-only and watched (issue #16): under a view-as token every mutation is refused
 * before any resolver runs, and every operation is written to the audit log naming both the account
 * looking (the entry's actor) and the account viewed (its details and subject).
 */
export function viewAsGuard(): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ operation, contextValue }) {
          const { caller } = contextValue;
          if (!caller.viewer || !caller.actor || !operation) return Promise.resolve();
          const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
          const note = {
            subjectType: 'Account',
            subjectId: caller.actor.accountId,
            districtCode: caller.actor.districtCode,
            details: { operation: operation.name?.value ?? null, fields },
          };
          if (operation.operation === OperationTypeNode.QUERY) {
            caller.audit.queue({ ...note, kind: 'VIEW_AS', action: 'read' });
            return Promise.resolve();
          }
          const reason = message('viewAs.readOnly', { operation: fields.join(', ') || operation.operation });
          caller.audit.queue({ ...note, kind: 'DENIED', action: operation.operation, reason: render(reason, 'en') });
          const refusal = forbidden(reason);
          throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 403 } } });
        },
      }),
  };
}
