// Schema lint (`npm run lint:schema`): the printed schema against the contract of issue 7 — Relay
// connections and global ids, one `input` and a payload per mutation, nullable root fields.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

const SCHEMA = 'schema/schema.graphql';

/** The root field (`Mutation.login`) a reported node belongs to, or undefined outside root types. */
function rootFieldOf(node) {
  let field;
  for (let current = node; current; current = current.parent) {
    if (current.kind === 'FieldDefinition') field = current;
    else if (field && current.kind === 'ObjectTypeDefinition') return `${current.name.value}.${field.name.value}`;
  }
  return undefined;
}

/** The enum a reported node belongs to, or undefined outside enums. */
function enumOf(node) {
  for (let current = node; current; current = current.parent) {
    if (current.kind === 'EnumTypeDefinition') return current.name.value;
  }
  return undefined;
}

/**
 * A plugin rule that stays silent where `skip(node)` says so. The plugin has no per-field
 * exceptions, and schema.graphql is generated, so it cannot carry eslint-disable comments.
 */
function exceptWhere(ruleName, skip) {
  const rule = graphqlPlugin.rules[ruleName];
  return {
    meta: rule.meta,
    create(context) {
      const filtered = Object.create(context, {
        report: {
          value: (descriptor) => {
            if (!skip(descriptor.node)) context.report(descriptor);
          },
        },
      });
      return rule.create(filtered);
    },
  };
}

const contract = {
  rules: {
    // `login(username, password) { token }` keeps its shape: clients rely on it (issue 7 §2).
    'input-name': exceptWhere('input-name', (node) => rootFieldOf(node) === 'Mutation.login'),
    // Mutations return a non-null payload (`approveCase(input: …): ApproveCasePayload!`, issue 7 §2);
    // only Query fields must be nullable so that a refused one leaves the rest of the response (§4).
    'require-nullable-result-in-root': exceptWhere('require-nullable-result-in-root', (node) =>
      (rootFieldOf(node) ?? '').startsWith('Mutation.'),
    ),
    // PermissionAction and PermissionSubject values are the policy table's own identifiers (`decide`,
    // `Case`), as the permission matrix, explanations and the audit log show them; clients already
    // ask `whoCan(action: decide, subjectType: Case)` (issue 3). Every other enum is UPPER_CASE.
    'naming-convention': exceptWhere('naming-convention', (node) => ['PermissionAction', 'PermissionSubject'].includes(enumOf(node))),
  },
};

export default [
  {
    files: [SCHEMA],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: SCHEMA } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin, contract },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      // Pages go forward only (`first`/`after`, issue 7 §3); `last`/`before` are not offered.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      // Short lists that do not grow (a household's members, a case's events) stay plain lists;
      // connections are for lists that grow (issue 7 §3).
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }],
      // Every object with an identity has a global `id: ID!` (issue 7 §1). Pages, edges and payloads
      // have none, nor do values computed per request or rows of the code's policy table, nor values
      // that live inside one record and are identified by it: an accounting's income and asset items,
      // a verification answer's subjects, an investigation's investigators, a district's holidays (by
      // their day), error codes (by their code), a committee's seats and a meeting's votes (by the global ids they carry).
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            suffixes: ['Connection', 'Edge', 'Payload'],
            types: [
              'PageInfo',
              'CaseCount',
              'StaffingLine',
              'TownshipMonthFigures',
              'PermissionExplanation',
              'PermissionGrant',
              'PolicyInvariant',
              'WhoCanEntry',
              'DistrictSettings',
              'Setting',
              'PetitionProgress',
              'RoleAssignment',
              'PendingStep',
              'ErrorCodeInfo',
              'IncomeItem',
              'AssetItem',
              'VerificationSubject',
              'Investigator',
              'Holiday',
              'CommitteeMember',
              'CommitteeVote',
              // A township month's books, computed on each read (D§10): no identity of their own.
              'Reconciliation',
              'ReconciliationDifference',
              'AuditChainCheck',
              'AuditChainBreak',
              // One setting a proposed district would start with: part of its proposal, no identity of its own.
              'ProposedSetting',
              // Entries of a district's catalogues, identified within its settings by their department or code (D§6, D§7).
              'VerificationDepartment',
              'LinshiCauseCategory',
            ],
          },
        },
      ],
      // Every type and root field is described, except the root types themselves: type-graphql
      // prints Query and Mutation without a description (test/server.test.ts exempts them too).
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          ignoredSelectors: ['[type=ObjectTypeDefinition][name.value=/^(Query|Mutation)$/]'],
        },
      ],
      // From schema-all, the rules that encode this contract:
      '@graphql-eslint/no-scalar-result-type-on-mutation': 'error',
      'contract/input-name': ['error', { checkInputType: true, caseSensitiveInputType: false }],
      'contract/require-nullable-result-in-root': 'error',
      // Replaced by the same rule with the two policy enums excepted (contract/naming-convention above).
      '@graphql-eslint/naming-convention': 'off',
      'contract/naming-convention': [
        'error',
        graphqlPlugin.configs['flat/schema-recommended'].rules['@graphql-eslint/naming-convention'][1],
      ],
    },
  },
];
