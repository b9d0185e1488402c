/**
 * Every message a client can get, in Chinese (the default) and English, by `messageKey`.
 *
 * Keys are dotted, `<area>.<subject>.<what>` (`case.transition.unmet.investigationSigned`), stable
 * once released: clients switch on them. Templates interpolate `{name}` params; both languages use
 * the same names. `clause` is the plan clause (`P4.1`) or DOMAIN.md section (`D§3`) the rule comes
 * from; it reaches clients as `extensions.clause`, never inside the sentence a clerk reads.
 * A test fails when a key lacks a language, a template's params differ between languages, or a key
 * is no longer used.
 */
// A table: one message to a line or two, as reviewers read it (Prettier would spread each over several).
// prettier-ignore
export const messages = {
  // ── Signing in ────────────────────────────────────────────────────────────────────────────
  'auth.signInRequired': {
    zh: '请先登录：请求头须带 Authorization: Bearer <令牌或接口密钥>。',
    en: 'Sign in first: send Authorization: Bearer <token or API key>.',
  },
  'auth.header.malformed': {
    zh: 'Authorization 请求头的格式应为 "Bearer <令牌或接口密钥>"。',
    en: 'The Authorization header must be "Bearer <token or API key>".',
  },
  'auth.token.invalid': { zh: '登录令牌无效，请重新登录。', en: 'The token is not valid; sign in again.' },
  'auth.token.expired': { zh: '登录已过期，请重新登录。', en: 'The token has expired; sign in again.' },
  'auth.token.accountGone': { zh: '该账号已不存在或已停用。', en: 'This account no longer exists or is deactivated.' },
  'auth.token.passwordChanged': {
    zh: '签发此令牌后密码已修改，请重新登录。',
    en: 'The password was changed since this token was issued; sign in again.',
  },
  'auth.viewAs.noLongerAllowed': {
    zh: '查看人已无权以该账号视角查看，请重新登录。',
    en: 'The account looking may no longer view the API as this account; sign in again.',
    clause: 'P4.4',
  },
  'viewAs.readOnly': {
    zh: '以他人视角查看时只能读取，不能做任何修改（{operation}）。',
    en: 'Viewing the API as another account is read-only: {operation} is refused.',
    clause: 'D§12',
  },
  'auth.activation.failed': {
    zh: '用户名或激活码不正确，或激活码已使用、已过期。',
    en: 'The username or activation code is wrong, or the code was used or has expired.',
    clause: 'D§14',
  },
  'auth.apiKey.malformed': { zh: '接口密钥格式不正确。', en: 'The API key is malformed.' },
  'auth.apiKey.invalid': { zh: '接口密钥无效。', en: 'The API key is not valid.' },
  'auth.apiKey.revoked': { zh: '接口密钥已被吊销。', en: 'The API key has been revoked.' },
  'auth.apiKey.accountDeactivated': { zh: '该接口密钥所属的账号已停用。', en: 'The account of this API key is deactivated.' },
  'auth.signIn.failed': { zh: '用户名或密码错误。', en: 'Wrong username or password.' },
  'auth.locked.account': {
    zh: '该账号密码错误次数过多，请 {seconds} 秒后再试。',
    en: 'Too many wrong passwords for this account; try again in {seconds} seconds.',
  },
  'auth.locked.address': {
    zh: '来自此地址的密码错误次数过多，请 {seconds} 秒后再试。',
    en: 'Too many wrong passwords from this address; try again in {seconds} seconds.',
  },
  'auth.account.deactivated': { zh: '该账号已停用。', en: 'This account is deactivated.' },
  'auth.password.currentWrong': { zh: '当前密码不正确。', en: 'The current password is wrong.' },

  // ── Accounts and API keys ─────────────────────────────────────────────────────────────────
  'account.notFound': { zh: '未找到该账号。', en: 'Account not found.' },
  'account.password.tooShort': { zh: '密码至少需要 {min} 个字符。', en: 'The password must be at least {min} characters.' },
  'account.password.unchanged': { zh: '新密码不能与当前密码相同。', en: 'Choose a password different from the current one.' },
  'account.username.invalid': {
    zh: '用户名为 3–64 个字符，由小写字母、数字、“.”、“_”或“-”组成，并以字母开头。',
    en: 'A username is 3–64 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter.',
  },
  'account.username.taken': { zh: '用户名“{username}”已被占用。', en: 'The username "{username}" is taken.' },
  'account.deactivateSelf': { zh: '不能停用自己的账号。', en: 'You cannot deactivate your own account.' },
  'account.department.mismatch': {
    zh: '部门接口账号（角色 DEPARTMENT）必须填写 departmentCode，其他账号不得填写。',
    en: 'A department integration (role DEPARTMENT) needs a departmentCode, and only it may have one.',
  },
  'account.department.notInUse': {
    zh: '该账号所属部门“{department}”不是本区使用中的核对部门，不能作为部门接口；请区民政先启用该部门（setVerificationDepartment）。',
    en: "The account's department {department} is not a verification department the district uses, so it cannot act as one; the district turns it on first (setVerificationDepartment).",
    clause: 'D§7',
  },
  'account.role.wrongLevel': {
    zh: '{role} 须授予在 {tier} 级区划，但 {regionCode} 是 {level} 级。',
    en: '{role} is held for a {tier} region, but {regionCode} is a {level}.',
  },
  'account.role.outsideDistrict': {
    zh: '角色区划 {regionCode} 不在账号所属的区 {districtCode} 之内。',
    en: 'The role region {regionCode} is outside the account\'s district {districtCode}.',
  },
  'apiKey.notFound': { zh: '未找到该接口密钥。', en: 'API key not found.' },
  'province.proposal.notFound': { zh: '未找到该新设区提议。', en: 'District proposal not found.' },
  'province.proposal.decided': { zh: '该新设区提议已经确认或否决。', en: 'This district proposal has already been confirmed or rejected.', clause: 'D§14' },
  'province.notADistrict': {
    zh: '区划代码“{code}”不是区级代码：新设区的代码形如 PPCCDD000000。',
    en: 'Region code "{code}" is not a district code: a new district is coded PPCCDD000000.',
  },
  'province.districtExists': { zh: '区划代码“{code}”已登记。', en: 'Region code "{code}" is already registered.' },
  'province.settingTwice': { zh: '设置项“{key}”重复给出。', en: 'The setting "{key}" is given twice.' },
  'roleGrant.notFound': { zh: '未找到该角色授予记录。', en: 'Role grant not found.' },
  'roleGrant.untilBeforeFrom': { zh: '失效时间须晚于生效时间。', en: 'The grant must end after it starts.' },
  'roleGrant.alreadyConfirmed': { zh: '该角色授予已经确认。', en: 'This role grant is already confirmed.', clause: 'D§14' },
  'roleGrant.revoked': { zh: '该角色授予已被撤销。', en: 'This role grant has been revoked.', clause: 'D§14' },
  'apiKey.departmentOnly': {
    zh: '接口密钥只发给部门接口账号（角色 DEPARTMENT）。',
    en: 'API keys are issued only to department integration accounts (role DEPARTMENT).',
  },

  // ── Identifiers, pages and plain input ────────────────────────────────────────────────────
  'id.notGlobal': { zh: '“{id}”不是本接口签发的全局标识。', en: '"{id}" is not a global ID issued by this API.' },
  'id.notOfType': { zh: '标识 {id} 不是本接口签发的 {type} 标识。', en: 'ID {id} is not a {type} ID issued by this API.' },
  'id.wrongType': { zh: '标识 {id} 指向的是 {actual}，不是 {expected}。', en: 'ID {id} names a {actual}, not a {expected}.' },
  'input.controlCharacters': {
    zh: '{field} 含有控制字符（如 NUL），不予接受。',
    en: '{field} holds a control character (such as NUL) and is refused.',
  },
  'audit.hiddenAsNotFound': {
    zh: '该对象不在调用者的权限范围内，已按"未找到"答复。',
    en: "Outside the caller's scope; answered as not found.",
  },
  'node.notFound': { zh: '未找到该对象（{type}）。', en: '{type} not found.' },
  'page.first.range': { zh: '“first”须在 1 到 {max} 之间。', en: '"first" must be between 1 and {max}.' },
  'page.after.invalid': { zh: '“after”不是此列表返回的游标。', en: '"after" is not a cursor from this connection.' },
  'input.invalid': { zh: '输入无效：{detail}', en: 'Invalid input: {detail}' },
  'input.date.invalid': { zh: '{field} 须为真实存在的日期，格式 YYYY-MM-DD。', en: '{field} must be a real date YYYY-MM-DD.' },
  'input.text.length': { zh: '{field} 须为 1–{max} 个字符。', en: '{field} must be 1–{max} characters.' },
  'input.amount.range': { zh: '{field} 须在 0 到 {max} 元之间。', en: '{field} must be between 0 and {max} yuan.' },
  'database.conflict': {
    zh: '与刚保存的记录冲突，请刷新后重试。',
    en: 'This conflicts with a record saved meanwhile; reload and try again.',
  },
  'database.unavailable': {
    zh: '数据库暂时无法连接，本次请求未做任何更改，请稍后重试。',
    en: 'The database cannot be reached just now; nothing was changed. Try again shortly.',
  },
  'database.inputRefused': { zh: '数据库拒绝了这项输入，请检查所填的值。', en: 'The database refused this input; check the values given.' },

  // ── The request itself (Apollo Server and graphql-js; their detail stays in English) ───────
  'request.badRequest': { zh: '请求无效：{detail}', en: 'Bad request: {detail}' },
  'request.parseFailed': { zh: '查询语句无法解析：{detail}', en: 'The query does not parse: {detail}' },
  'request.validationFailed': { zh: '查询语句与接口定义不符：{detail}', en: 'The query does not match the schema: {detail}' },
  'request.tooDeep': {
    zh: '查询嵌套 {depth} 层，最多允许 {max} 层（MAX_QUERY_DEPTH）。',
    en: 'The query is {depth} levels deep; at most {max} are allowed (MAX_QUERY_DEPTH).',
  },
  'request.tooManyAliases': {
    zh: '查询使用了 {found} 个别名，最多允许 {max} 个（MAX_QUERY_ALIASES）。',
    en: 'The query uses {found} aliases; at most {max} are allowed (MAX_QUERY_ALIASES).',
  },
  'request.tooManyDirectives': {
    zh: '查询使用了 {found} 个指令，最多允许 {max} 个（MAX_QUERY_DIRECTIVES）。',
    en: 'The query uses {found} directives; at most {max} are allowed (MAX_QUERY_DIRECTIVES).',
  },
  'request.tooCostly': {
    zh: '查询的估算开销为 {cost}，最多允许 {max}（MAX_QUERY_COST）；请减少每页条数或嵌套的列表。',
    en: 'The query is estimated to cost {cost}; at most {max} is allowed (MAX_QUERY_COST): ask for smaller pages or fewer nested lists.',
  },
  'request.bodyTooLarge': {
    zh: '请求体超过 {max} 字节的上限（MAX_REQUEST_BYTES）。',
    en: 'The request body is larger than the limit of {max} bytes (MAX_REQUEST_BYTES).',
  },
  'request.noSuchPath': { zh: '没有这个地址；接口在 /graphql。', en: 'No such path; the API is at /graphql.' },
  'request.malformedJson': { zh: '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  'request.timedOut': {
    zh: '请求未能在 {ms} 毫秒内完成（REQUEST_TIMEOUT_MS）；请缩小查询范围后重试。',
    en: 'The request did not finish within {ms} ms (REQUEST_TIMEOUT_MS); ask for less and try again.',
  },
  'request.badVariables': { zh: '变量取值不对：{detail}', en: 'A variable has a wrong value: {detail}' },
  'request.operationResolutionFailed': { zh: '无法确定要执行哪个操作：{detail}', en: 'Which operation to run is unclear: {detail}' },
  'request.persistedQueryNotFound': {
    zh: '未找到该持久化查询，请发送完整的查询语句。',
    en: 'The persisted query is not known; send the full query.',
  },
  'request.persistedQueryNotSupported': { zh: '不支持持久化查询。', en: 'Persisted queries are not supported.' },
  'internal.error': { zh: '服务器内部错误，已记录日志，请稍后再试。', en: 'Internal server error; it has been logged. Try again later.' },

  // ── Places ────────────────────────────────────────────────────────────────────────────────
  'region.notFound': { zh: '未找到区划 {code}。', en: 'Region {code} not found.' },
  'region.unknown': { zh: '区划代码不存在：{codes}。', en: 'Unknown region {codes}.' },
  'region.exists': { zh: '区划 {code} 已存在。', en: 'Region {code} already exists.' },
  'region.code.format': { zh: '区划代码“{code}”须为 12 位数字。', en: 'Region code "{code}" must be exactly 12 digits.' },
  'region.code.noDistrict': {
    zh: '区划代码“{code}”不含县区：第 1–2 位（省）和第 5–6 位（县区）不能为 00。',
    en: 'Region code "{code}" does not name a district: digits 1–2 (province) and 5–6 (district) must not be 00.',
  },
  'region.code.villageWithoutTownship': {
    zh: '区划代码“{code}”有村级部分，却没有乡镇部分。',
    en: 'Region code "{code}" has a village part but no township part.',
  },
  'region.code.notTownship': { zh: '{field} 须为乡镇（街道）的区划代码。', en: '{field} must be the code of a township.' },
  'region.code.notTownshipOfDistrict': { zh: '{field} 须为本区的乡镇（街道）。', en: '{field} must be a township of your district.' },
  'region.code.notVillage': { zh: '{field} 须为村（社区）的区划代码。', en: '{field} must be the code of a village or community.' },
  'region.village.unknown': { zh: '村（社区）{code} 不存在。', en: 'Unknown village {code}.' },
  'region.kind.mismatch': {
    zh: '{level} 级区划的类型须为 {kinds} 之一，不能是 {kind}。',
    en: 'A {level} code needs a kind among {kinds}, not {kind}.',
  },
  'region.parent.missing': {
    zh: '上级区划 {parent}（由代码 {code} 推出）不存在，请先建立。',
    en: 'Parent region {parent} (implied by code {code}) does not exist; create it first.',
  },

  // ── Households and ID numbers ─────────────────────────────────────────────────────────────
  'household.bankAccount.secondAccountNeeded': {
    zh: '在保家庭的银行账户须经两人办理：请用 proposeBankAccountChange 提出变更，由另一账号确认后生效。',
    en: "An enrolled household's bank account takes two people: propose the change with proposeBankAccountChange; it takes effect once a second account confirms it.",
    clause: 'D§10',
  },
  'household.bankAccount.invalid': { zh: '银行账号须为 8–32 位数字。', en: 'The bank account must be 8–32 digits.' },
  'bankAccountChange.notFound': { zh: '未找到该银行账户变更。', en: 'Bank account change not found.' },
  'bankAccountChange.alreadyProposed': {
    zh: '该领款人已有一项待确认的银行账户变更；请先确认或驳回。',
    en: 'This payee already has a bank account change waiting for confirmation; confirm or reject it first.',
  },
  'bankAccountChange.notProposed': { zh: '该变更已处理（{status}）。', en: 'This change is already {status}.' },
  'bankAccountChange.stale': {
    zh: '提出变更后领款人的银行账户已被修改；请重新提出。',
    en: "The payee's bank account changed since this was proposed; propose it again.",
  },
  'household.notFound': { zh: '未找到该家庭。', en: 'Household not found.' },
  'person.notFound': { zh: '未找到该家庭成员。', en: 'Household member not found.' },
  'household.residence.caseInProgress': {
    zh: '该家庭有正在办理的案件，请在案件办结后再修改城乡类别。',
    en: 'The household has a case in progress; change its residence after that case is decided.',
  },
  'household.member.secondHead': {
    zh: '一户只有一名户主，请按此人与户主的关系添加。',
    en: 'A household has one head; add the person with their relation to the head.',
  },
  'household.member.duplicateIdNumber': { zh: '该身份证号已是本户成员。', en: 'This ID number is already a member of the household.' },
  'household.head.cannotRemove': { zh: '不能删除户主。', en: 'The head of household cannot be removed.' },
  'household.members.empty': { zh: '家庭至少要有一名成员，即户主。', en: 'A household needs at least one member, its head.' },
  'household.members.headCount': {
    zh: '一户须有且只有一名户主（HEAD），现有 {count} 名。',
    en: 'A household has exactly one head (HEAD); got {count}.',
  },
  'household.members.duplicateIdNumber': { zh: '同一身份证号在本户中出现了两次。', en: 'The same ID number appears twice in the household.' },
  'idNumber.format': { zh: '身份证号须为 17 位数字加 1 位数字或 X。', en: 'The ID number must be 17 digits followed by a digit or X.' },
  'idNumber.birthDate': { zh: '身份证号 {idNumber} 中的出生日期无效。', en: 'ID number {idNumber} has no valid birth date.' },
  'idNumber.checkDigit': {
    zh: '身份证号 {idNumber} 的校验位不符，请核对是否输错。',
    en: 'ID number {idNumber} fails its check digit; check it was typed correctly.',
  },

  // ── Applications and the case workflow ────────────────────────────────────────────────────
  'case.notFound': { zh: '未找到该案件。', en: 'Case not found.' },
  'case.application.causeRequired': { zh: '临时救助申请须写明救助事由（cause）。', en: 'A temporary-assistance application states its cause.' },
  'case.application.causeCategoryRequired': {
    zh: '临时救助申请须选择救助事由类别（causeCategory），并写明具体事由（cause）。',
    en: 'A temporary-assistance application names its cause category (causeCategory) besides describing the cause.',
    clause: 'D§6',
  },
  'case.application.linshiOnly': {
    zh: 'cause（事由）、causeCategory（事由类别）和 emergency（急难型）只适用于临时救助（LINSHI）。',
    en: 'cause, causeCategory and emergency apply to LINSHI only.',
  },
  'case.application.repeatedCause': {
    zh: '该家庭已于 {date} 因同一类别的事由获得临时救助；{months} 个月内再次申请须有新情况（newGrounds），由乡镇（街道）登记并经另一人确认，否则不予受理。',
    en: 'This household received temporary assistance for a cause of the same category on {date}; within {months} months it is refused unless there are new grounds (newGrounds), recorded by the township and confirmed by a second person.',
    clause: 'D§6',
  },
  'case.newGrounds.notRepeat': {
    zh: '该案件不是 12 个月内同一类别事由的重复申请，无需登记新情况。',
    en: 'This case is not a repeat of the same cause category within the window: it needs no new grounds.',
    clause: 'D§6',
  },
  'case.newGrounds.notRecorded': {
    zh: '乡镇（街道）尚未登记新情况（recordNewGrounds）。',
    en: 'The township has not recorded the new grounds yet (recordNewGrounds).',
    clause: 'D§6',
  },
  'case.newGrounds.alreadyConfirmed': { zh: '新情况已经确认。', en: 'The new grounds are already confirmed.', clause: 'D§6' },
  'case.newGrounds.confirmerIsRecorder': {
    zh: '新情况须由登记人以外的另一人确认。',
    en: 'New grounds are confirmed by a second person, not the one who recorded them.',
    clause: 'D§6',
  },
  'case.transition.unmet.newGroundsUnconfirmed': {
    zh: '12 个月内同一类别事由的重复申请：须由乡镇（街道）登记新情况并经另一人确认（recordNewGrounds、confirmNewGrounds）。',
    en: 'A repeat of the same cause category within the window: the township records the new grounds and a second person confirms them first (recordNewGrounds, confirmNewGrounds).',
    clause: 'D§6',
  },
  'case.version.stale': {
    zh: '案件已被修改：当前版本为 {current}，不是 {expected}。请刷新后重试。',
    en: 'The case changed meanwhile: it is at version {current}, not {expected}. Reload it and try again.',
  },
  'case.transition.notNow': {
    zh: '该案件（{programme}）当前状态为 {status}，现在不能执行 {step}。可执行的下一步：{allowed}。',
    en: 'The {programme} case is {status}; {step} is not possible now. Next steps: {allowed}.',
    clause: 'D§3',
  },
  'requirements.unmet': { zh: '暂不能办理，尚有 {count} 项要求未满足：', en: 'Not possible yet; {count} requirement(s) not met:' },
  'case.transition.unmet.investigationSigned': {
    zh: '入户调查须由全部调查人签字，且调查人不少于两名。',
    en: 'The household investigation must be signed by all of its investigators, at least two.',
    clause: 'D§3',
  },
  'case.transition.unmet.verificationApproved': {
    zh: '家庭经济状况核对报告须先经区民政审批。',
    en: 'The district must first approve the economic-status verification report.',
    clause: 'D§3, P4.3',
  },
  'case.transition.unmet.incomeAccounted': { zh: '请先完成收入核算。', en: 'Do the income accounting first.', clause: 'D§3, D§8' },
  'case.transition.unmet.incomeDraftNotAdopted': {
    zh: '村（社区）起草的收入核算尚未经乡镇（街道）采纳（adoptIncomeAccounting）。',
    en: "The village's draft income accounting has not been adopted by the township yet (adoptIncomeAccounting).",
    clause: 'D§8',
  },
  'case.transition.unmet.tekun.findingsMissing': {
    zh: '请先在已签字的入户调查中核实特困认定条件。',
    en: 'Record the conditions of TEKUN eligibility in a signed household investigation first.',
    clause: 'D§3',
  },
  'case.transition.unmet.tekun.category': {
    zh: '{name}（{age}岁）不是老年人（60岁以上）、残疾人或未成年人（16岁以下，在校18岁以下），不符合特困供养条件；该户可以申请低保。',
    en: '{name} ({age}) is not elderly (60 or over), disabled or a minor (under 16, under 18 in school), so does not qualify for TEKUN; the household may apply for DIBAO.',
    clause: 'D§3',
  },
  'case.transition.unmet.tekun.workCapacity': {
    zh: '{name}有劳动能力，不符合特困供养条件；该户可以申请低保。',
    en: '{name} has capacity to work, so does not qualify for TEKUN; the household may apply for DIBAO.',
    clause: 'D§3',
  },
  'case.transition.unmet.tekun.incomeSource': {
    zh: '家庭人均收入不低于当地低保标准，不属于无生活来源，不符合特困供养条件；该户可以申请低保。',
    en: 'Per-capita income is not below the DIBAO standard, so the applicant has a source of income and does not qualify for TEKUN; the household may apply for DIBAO.',
    clause: 'D§3',
  },
  'case.transition.unmet.tekun.supporters': {
    zh: '{name}有具备履行能力的法定赡养、抚养、扶养义务人，不符合特困供养条件；该户可以申请低保。',
    en: '{name} has a legal supporter able to support them, so does not qualify for TEKUN; the household may apply for DIBAO.',
    clause: 'D§3',
  },
  'case.transition.unmet.doubleBenefit': {
    zh: '{people} 已在享受与本项目互斥的救助（特困供养与低保不得同时享受）；请向区民政局了解情况，终止原救助或将其移出本次申请后再办理。',
    en: '{people} already receive assistance that excludes this programme (TEKUN and DIBAO exclude each other); ask the district civil affairs office, and end that assistance or take them out of this application first.',
    clause: 'D§5',
  },
  'case.transition.unmet.careAssessed': {
    zh: '请先完成特困人员生活自理能力评估。',
    en: 'Do the TEKUN self-care assessment first.',
    clause: 'D§3',
  },
  'case.transition.unmet.noticeRunning': {
    zh: '公示期至 {endsAt} 结束，请在公示期满后再作决定。',
    en: 'The public notice runs until {endsAt}; decide after it ends.',
    clause: 'D§3',
  },
  'case.transition.unmet.objectionOpen': {
    zh: '公示异议尚未处理完毕，请先处理。',
    en: 'An objection to the notice is still open; deal with it first.',
    clause: 'D§3',
  },
  'case.transition.unmet.linshiFiledOncePaid': {
    zh: '临时救助在发放后报区民政备案；低保、特困在审批后备案。',
    en: 'Temporary assistance is filed with the district once paid; DIBAO and TEKUN once approved.',
    clause: 'P3.1, D§6',
  },
  'case.transition.unmet.linshiLimit': {
    zh: '金额 {amount} 元超过乡镇审批限额 {limit} 元，须先经区民政确认。',
    en: 'The amount {amount} is above the township limit of {limit}; the district must confirm it first.',
    clause: 'D§6',
  },
  'case.transition.unmet.noAmount': {
    zh: '该案件没有可批准的救助金额，应作不予确认处理。',
    en: 'The case has no positive amount to approve; refuse it instead.',
    clause: 'D§8',
  },
  'case.transition.unmet.materialsListedOnce': {
    zh: '本案已一次性告知过需补正的材料，请受理，或书面说明不予受理的理由。',
    en: 'Missing materials were already listed once for this case; accept it or refuse it in writing.',
    clause: 'D§3',
  },
  'case.transition.unmet.noticeEnded': {
    zh: '公示期已结束，异议只在公示期内受理。',
    en: 'The notice period has ended; objections are taken only during it.',
    clause: 'D§3',
  },
  'case.transition.unmet.objectionNotDealtWith': {
    zh: '请先处理异议：在异议提出后开展民主评议，或重新入户调查并由调查人签字。',
    en: 'Deal with the objection first: a democratic appraisal or a signed re-investigation after it.',
    clause: 'D§3',
  },
  'case.transition.unmet.emergencyNotDecided': {
    zh: '先行救助须先由乡镇主要负责人作出决定（decideEmergencyPayment），再由经办人登记发放。',
    en: 'An emergency payment needs the township head\'s decision (decideEmergencyPayment) before a caseworker records it.',
    clause: 'D§6',
  },
  'case.emergency.amountDiffers': {
    zh: '登记的发放金额 {amount} 元与决定的金额 {decided} 元不符。',
    en: 'The amount recorded, {amount}, differs from the amount decided, {decided}.',
    clause: 'D§6',
  },
  'case.emergency.alreadyDecided': { zh: '该案已作出先行救助决定。', en: 'The emergency payment of this case is already decided.', clause: 'D§6' },
  'case.transition.unmet.notEmergency': {
    zh: '只有急难型临时救助申请可以先行救助。',
    en: 'Only an emergency (急难型) application may be paid first.',
    clause: 'D§6',
  },
  'case.materials.missing': { zh: '请列出全部需补正的材料。', en: 'List every missing material.', clause: 'D§3' },
  'case.amount.notPositive': { zh: '{field} 须为大于 0 的金额（元）。', en: '{field} must be a positive number of yuan.' },
  'case.spotCheck.outcomeRequired': {
    zh: '请给出抽查结论：CONFIRMED（确认）或 CORRECTION（责令纠正）。',
    en: 'Give the outcome: CONFIRMED or CORRECTION.',
  },
  'case.refusal.reasonsRequired': {
    zh: '不予受理或不予确认，须写明给申请人的书面理由（reasons）。',
    en: 'A refusal needs written reasons for the applicant (reasons).',
    clause: 'D§3',
  },
  'case.review.reasonsRequired': {
    zh: '联审联批小组未通过该申请，请填写给申请人的书面理由（reasons）。',
    en: 'The committee did not approve the application; give the written reasons for the applicant (reasons).',
    clause: 'P3.2, D§3',
  },
  'case.pending.meetingRequired': {
    zh: '须先召开联审联批会议审议本案。', en: 'A committee meeting must take up the case first.', clause: 'D§4',
  },
  'case.review.meetingRequired': { zh: '请指明审核本案的会议（meetingId）。', en: 'Name the meeting that reviewed the case (meetingId).' },

  // ── Delegations of the authority to decide (P3.1, P3.3, P5, D§13) ───────────────────────────
  'delegation.notFound': { zh: '未找到该委托，或您无权查看。', en: 'No such delegation, or you may not see it.' },
  'delegation.until.beforeFrom': { zh: '截止日期不能早于生效日期。', en: 'effectiveUntil cannot be before effectiveFrom.' },
  'delegation.revocation.beforeGrant': {
    zh: '收回日期不能早于委托生效日期。',
    en: 'A revocation cannot take effect before the grant it ends.',
  },
  'delegation.alreadyInForce': {
    zh: '乡镇（街道）{townshipCode} 在该日已有 {programme} 的有效委托。',
    en: 'Township {townshipCode} already holds a delegation for {programme} in force on that date.',
    clause: 'D§13',
  },
  'delegation.alreadyRevoked': { zh: '该委托已被收回。', en: 'This delegation has already been revoked.', clause: 'D§13' },
  'delegation.precondition.noCommittee': {
    zh: '乡镇（街道）{townshipCode} 尚未成立联审联批小组，不能承接委托。',
    en: 'Township {townshipCode} has no joint review committee, so it cannot take up a delegation.',
    clause: 'P3.2, D§13',
  },
  'delegation.precondition.committeeInvalid': {
    zh: '乡镇（街道）{townshipCode} 的联审联批小组不符合要求，不能承接委托：',
    en: 'The joint review committee of township {townshipCode} is not valid, so it cannot take up a delegation:',
    clause: 'P3.2, D§13',
  },
  'delegation.precondition.noAcceptedWorkPlan': {
    zh: '乡镇（街道）{townshipCode} 尚无经区民政接收的工作方案，不能承接委托。',
    en: 'Township {townshipCode} has no work plan the district has accepted, so it cannot take up a delegation.',
    clause: 'P5.1, D§13',
  },
  'delegation.warning.understaffed': {
    zh: '乡镇（街道）{townshipCode} 常住人口 {population} 人，应配备民政经办人员 {required} 名，现有 {caseworkers} 名。',
    en: 'Township {townshipCode} has {caseworkers} civil-affairs caseworkers; {required} are required for {population} residents.',
    clause: 'P6.2',
  },

  // ── Petitions and appeals (P4.3, D§12) ──────────────────────────────────────────────────────
  'petition.notFound': { zh: '未找到该信访事项，或您无权查看。', en: 'No such petition, or you may not see it.' },
  'petition.target.exactlyOne': {
    zh: '请指明且只指明一项信访对象：案件（caseId）、乡镇（townshipCode）或公示（noticeId）。',
    en: 'Name exactly one thing the petition is about: a case (caseId), a township (townshipCode) or a public notice (noticeId).',
    clause: 'D§12',
  },
  'petition.public.noticeOnly': {
    zh: '未登录时只能针对正在公示的事项提出投诉，请提供公示编号（noticeId）。',
    en: "Without an account, a petition is a complaint citing a running public notice's id (noticeId).",
    clause: 'D§12',
  },
  'petition.notice.notFound': {
    zh: '没有该编号的在公示事项（公示可能已结束）。',
    en: 'No public notice with this id is running (it may have ended).',
    clause: 'D§12',
  },
  'petition.appeal.caseRequired': { zh: '复核申请须指明被拒的案件（caseId）。', en: 'An appeal names the refused case (caseId).', clause: 'D§12' },
  'petition.appeal.notRefused': {
    zh: '只能对不予受理或不予确认的案件申请复核，该案件当前状态为 {status}。',
    en: 'Only a refused case (not accepted or denied) can be appealed; this case is {status}.',
    clause: 'D§12',
  },
  'petition.rateLimited': {
    zh: '同一地址每小时最多提交 {limit} 件信访，请 {seconds} 秒后再试。',
    en: 'At most {limit} petitions an hour from one address; try again in {seconds} seconds.',
    clause: 'D§12',
  },
  'petition.reference.notFound': { zh: '没有该查询码对应的信访事项。', en: 'No petition has this reference.' },
  'petition.alreadyAnswered': { zh: '该信访事项已答复。', en: 'This petition has already been answered.', clause: 'P4.3' },
  'petition.assignee.notDistrictOfficer': {
    zh: '承办人须为本区在职的区民政工作人员。',
    en: 'The assignee must be an active district officer of the district.',
    clause: 'P4.3',
  },
  'petition.unmet.notAssigned': { zh: '信访事项须先交办承办人。', en: 'The petition must be assigned first.', clause: 'P4.3' },
  'petition.unmet.notInvestigated': {
    zh: '须先记录调查核实情况，再作答复。',
    en: 'Record what the investigation found before answering.',
    clause: 'P4.3',
  },

  // ── Township work plans, progress reports and evaluations (P5.1–P5.3) ──────────────────────
  'workPlan.notFound': { zh: '未找到该报备文件，或您无权查看。', en: 'No such work plan or report, or you may not see it.' },
  'workPlan.year.range': { zh: '年度须在 2000 至 2100 之间。', en: 'year must be between 2000 and 2100.' },
  'workPlan.step.notFromStatus': {
    zh: '报备文件当前状态为 {status}，不能执行 {step}：草稿和被退回的文件可修改、报备，已报备的文件由区民政接收或退回。',
    en: 'A document in state {status} cannot take the step {step}: drafts and returned documents are revised and filed, filed ones accepted or returned by the district.',
    clause: 'P5.1',
  },

  // ── Statistics (P4.2, P4.3) ───────────────────────────────────────────────────────────────
  'statistics.year.range': { zh: '年度须在 2000 至 2100 之间。', en: 'year must be between 2000 and 2100.' },

  // ── The joint review committee (P3.2, D§4) ────────────────────────────────────────────────
  'committee.missing': {
    zh: '乡镇（街道）{townshipCode} 尚未成立联审联批小组。',
    en: 'Township {townshipCode} has no joint review committee.',
    clause: 'P3.2',
  },
  'committee.notFound': { zh: '未找到该联审联批小组。', en: 'No such committee.' },
  'committee.deputyChair.notMember': {
    zh: '副组长须是小组成员之一。',
    en: 'The deputy chair must be one of the members.',
    clause: 'D§4',
  },
  'committee.member.duplicate': { zh: '同一账号在小组中只能出现一次。', en: 'An account sits on the committee once.' },
  'committee.member.unknown': { zh: '账号 {accountId} 不存在。', en: 'Unknown account {accountId}.' },
  'committee.member.notStaff': {
    zh: '{username} 不是乡镇（街道）{townshipCode} 的工作人员。',
    en: '{username} is not staff of township {townshipCode}.',
  },
  'committee.problem.tooFewMembers': {
    zh: '联审联批小组现有 {count} 名成员，至少需要 {min} 名。',
    en: 'The committee has {count} members; at least {min} are required.',
    clause: 'P3.2',
  },
  'committee.problem.chairCount': { zh: '联审联批小组须有且只有一名组长。', en: 'The committee needs exactly one chair.', clause: 'P3.2' },
  'committee.problem.chairNotHead': {
    zh: '组长须由乡镇（街道）主要负责同志担任。',
    en: 'The chair must be the township head, its principal official.',
    clause: 'P3.2',
  },
  'committee.problem.deputyChair': {
    zh: '联审联批小组须有且只有一名副组长，且不由组长兼任：组长回避的案件由副组长主持并签发。',
    en: 'The committee needs exactly one deputy chair other than the chair, who chairs and signs for a case on which the chair recuses.',
    clause: 'D§4',
  },
  'committee.problem.noDisciplineInspection': {
    zh: '联审联批小组须有纪检成员。',
    en: 'The committee needs a discipline-inspection member.',
    clause: 'P3.2',
  },
  'committee.problem.memberCannotVote': {
    zh: '成员 {member} 不能表决：不是本乡镇（街道）在用的联审联批成员（COMMITTEE_MEMBER）。',
    en: 'Member {member} cannot vote: not an active COMMITTEE_MEMBER of the township.',
    clause: 'P3.2',
  },
  'committee.noQuorum': {
    zh: '未达到法定人数：到会 {present} 人，须 {quorum} 人且组长到会。',
    en: 'No quorum: {present} present, {quorum} needed including the chair.',
    clause: 'D§4',
  },
  'committee.meeting.stale': {
    zh: '该会议早于案件重新进入审核，须另行召开会议。',
    en: 'That meeting was held before the case came back to review; it needs a new meeting.',
    clause: 'D§3',
  },
  'committee.votes.missing': { zh: '尚有 {count} 名到会成员未表决。', en: '{count} present member(s) have not voted yet.', clause: 'D§4' },
  'committee.votes.allRecused': {
    zh: '到会成员均须回避本案，须另行召开会议。',
    en: 'Every present member recuses from this case; it needs another meeting.',
    clause: 'D§4',
  },
  'committee.vote.notMember': { zh: '只有本小组成员才能在其会议上表决。', en: 'Only members of this committee vote in its meetings.', clause: 'P3.2' },
  'committee.vote.caseNotInReview': {
    zh: '案件当前状态为 {status}；只有待审核的案件才能表决。',
    en: 'The case is {status}; votes are taken while it awaits review.',
  },
  'committee.vote.notPresent': { zh: '只有登记到会的成员才能表决。', en: 'Only members recorded as present vote.', clause: 'D§4' },
  'committee.vote.already': { zh: '您已在本次会议上对该案件表决过。', en: 'You have already voted on this case in this meeting.' },
  'meeting.notFound': { zh: '未找到该会议。', en: 'Meeting not found.' },
  'kin.notFound': { zh: '未找到该近亲属备案。', en: 'Kin declaration not found.' },
  'kin.alreadyWithdrawn': { zh: '该近亲属备案已经撤回。', en: 'This kin declaration has already been withdrawn.' },
  'meeting.case.notAwaitingReview': {
    zh: '案件 {caseId} 不在本乡镇（街道）待审核之列（当前状态为 {status}）。',
    en: 'Case {caseId} is not awaiting this township\'s review (it is {status}).',
  },
  'meeting.case.notOnAgenda': { zh: '该案件不在这次会议的议程中。', en: 'The case is not on the agenda of that meeting.' },
  'meeting.attendance.strangers': { zh: '以下账号不是联审联批小组成员：{ids}。', en: 'Not members of the committee: {ids}.' },
  'meeting.attendance.locked': {
    zh: '本次会议已有表决，出席情况不能再修改。',
    en: 'Votes have been cast in this meeting; its attendance can no longer change.',
    clause: 'D§4',
  },

  // ── Investigation, accounting, assessment, appraisal ──────────────────────────────────────
  'investigation.notFound': { zh: '未找到该入户调查记录。', en: 'Investigation not found.' },
  'investigation.tekun.required': {
    zh: '特困供养案件的入户调查须核实认定条件：申请人、劳动能力、在校情况和法定义务人。',
    en: 'The investigation of a TEKUN case records the conditions of eligibility: the applicant, work capacity, schooling and legal supporters.',
    clause: 'D§3',
  },
  'investigation.tekun.notTekun': {
    zh: '只有特困供养案件记录特困认定条件。',
    en: 'Only a TEKUN case records the conditions of TEKUN eligibility.',
    clause: 'D§3',
  },
  'investigation.tekun.notMember': {
    zh: '特困认定的对象须是本户成员。',
    en: 'The person examined for TEKUN must be a member of the household.',
    clause: 'D§3',
  },
  'investigation.tooFewInvestigators': {
    zh: '入户调查至少需要两名调查人。',
    en: 'A household investigation needs at least two investigators.',
    clause: 'D§3',
  },
  'investigation.investigatorNotOfTownship': {
    zh: '调查人 {investigator} 不是乡镇（街道）{townshipCode} 在用的账号。',
    en: 'Investigator {investigator} is not an active account of township {townshipCode}.',
  },
  'investigation.investigatorBarred': { zh: '{investigator} 不能调查本案：{reason}', en: '{investigator} may not investigate this case: {reason}' },
  'investigation.signerNotNamed': {
    zh: '只有调查记录上列明的调查人才能签字。',
    en: 'Only an investigator named on the investigation signs it.',
    clause: 'D§3',
  },
  'investigation.alreadySigned': { zh: '您已在这份调查记录上签过字。', en: 'You have already signed this investigation.' },
  'catalogue.causeCategory.unknown': {
    zh: '“{code}”不是本区使用中的临时救助事由类别；请从区民政公布的类别中选择（settings.linshiCauseCategories）。',
    en: '"{code}" is not a temporary-assistance cause category the district uses; choose one the district lists (settings.linshiCauseCategories).',
    clause: 'D§6',
  },
  'catalogue.causeCategory.code': {
    zh: '事由类别代码“{code}”须为大写字母、数字和下划线，以字母开头，最多 32 位。',
    en: 'The cause category code "{code}" is upper-case letters, digits and underscores, starting with a letter, at most 32 long.',
  },
  'catalogue.department.notInUse': {
    zh: '本区核对不使用“{department}”部门；请从区民政公布的核对部门中选择（settings.verificationDepartments）。',
    en: 'The district does not use the department {department} for verification; choose one the district lists (settings.verificationDepartments).',
    clause: 'D§7',
  },
  'verification.request.noDepartments': {
    zh: '本区没有使用中的核对部门，核对无法分发；请区民政先设定核对部门。',
    en: 'The district uses no verification department, so the request cannot go out; the district sets its departments first.',
    clause: 'D§7',
  },
  'income.accounting.notFound': { zh: '未找到该收入核算。', en: 'No such income accounting.' },
  'income.accounting.alreadyAdopted': {
    zh: '该收入核算已经采纳，无需再次采纳。',
    en: 'This income accounting is already adopted.',
    clause: 'D§8',
  },
  'income.assets.tooMany': { zh: '财产最多 {max} 项。', en: 'At most {max} assets.' },
  'income.items.tooMany': { zh: '收入最多 {max} 项。', en: 'At most {max} income items.' },
  'income.item.sourceRequired': { zh: '第 {number} 项收入须写明来源。', en: 'Income item {number} needs a source.' },
  'appraisal.participants.invalid': { zh: 'participants（参加人数）须为正整数。', en: 'participants must be a positive whole number.' },
  'appraisal.notAllowed': {
    zh: '只有在有异议或已登记疑问时才开展民主评议。',
    en: 'A democratic appraisal is held only on an objection or a recorded doubt.',
    clause: 'D§3',
  },

  // ── Economic-status verification (D§7) ────────────────────────────────────────────────────
  'verification.request.notFound': { zh: '未找到该核对申请。', en: 'Verification request not found.' },
  'verification.request.alreadyProcessed': { zh: '该核对申请已处于 {status} 状态。', en: 'The request is already {status}.' },
  'verification.answer.notFound': { zh: '未找到发给本部门的这项核对请求。', en: 'This verification request to your department was not found.' },
  'idempotency.key.invalid': {
    zh: 'idempotencyKey 须为 8–100 个字母、数字或 -_.: 字符。',
    en: 'idempotencyKey must be 8–100 letters, digits or -_.: characters.',
  },
  'idempotency.key.reused': {
    zh: '该 idempotencyKey 已用于另一项不同的请求；新请求请换用新的键。',
    en: 'This idempotencyKey was used for a different request; use a new key for a new request.',
  },
  'idempotency.key.inFlight': {
    zh: '使用该 idempotencyKey 的请求仍在处理中，请稍后重试。',
    en: 'A request with this idempotencyKey is still running; retry shortly.',
  },
  'idempotency.answer.gone': { zh: '该键对应的原答复已不在您的权限范围内。', en: 'The first answer under this key is no longer within your scope.' },
  'verification.answer.already': { zh: '该核对请求已经答复过。', en: 'This request has already been answered.' },
  'verification.report.notDispatched': {
    zh: '该核对申请当前为 {status}；只有已分发给各部门的申请才有报告可审批。',
    en: 'The request is {status}; only a dispatched request has a report to approve.',
  },
  'verification.report.waitingFor': { zh: '仍在等待 {department} 答复。', en: 'Waiting for {department} to answer.', clause: 'D§7' },

  // ── Enrolments, settings ──────────────────────────────────────────────────────────────────
  'enrolment.alreadyActive': {
    zh: '{idNumber} 已是 {programme} 的在保对象，不能重复纳入。',
    en: '{idNumber} is already in an active {programme} enrolment.',
    clause: 'D§5',
  },
  'enrolment.active.notFound': { zh: '未找到该在保救助对象。', en: 'Active enrolment not found.' },
  'enrolment.notFound': { zh: '未找到该救助对象，或您无权查看。', en: 'No such enrolment, or you may not see it.' },
  'enrolment.month.invalid': { zh: '月份的格式应为 YYYY-MM。', en: 'A month is written YYYY-MM.' },

  // ── Dynamic management: periodic review and change reports (D§9) ──────────────────────────
  'review.reasons.required': { zh: '复核结果须写明理由。', en: 'A review outcome states its reasons.', clause: 'D§9' },
  'review.end.reasonsRequired': {
    zh: '停止救助须向救助对象书面说明理由。',
    en: 'Ending a benefit gives the recipient its reasons in writing.',
    clause: 'D§9',
  },
  'review.amount.required': { zh: '提高或降低救助金额须给出新的月救助金额。', en: 'Raising or lowering a benefit needs the new monthly amount.' },
  'review.amount.notTaken': { zh: '维持或停止救助时不填写金额。', en: 'Keeping or ending a benefit takes no amount.' },
  'review.amount.notPositive': { zh: '月救助金额须大于零；停止救助请选择“停止救助”。', en: 'A monthly amount is above zero; to stop the benefit, choose END.' },
  'review.amount.notRaised': { zh: '提高后的金额须高于现行的 {current} 元。', en: 'A raised amount is above the current {current} yuan.' },
  'review.amount.notLowered': { zh: '降低后的金额须低于现行的 {current} 元。', en: 'A lowered amount is below the current {current} yuan.' },
  'review.verification.required': {
    zh: '收入发生变化的，须注明所依据的家庭经济状况核对报告编号。',
    en: 'Where income changed, name the economic-status verification the outcome rests on.',
    clause: 'D§9',
  },
  'spotCheck.draw.cutOffAhead': {
    zh: '备案截止日期不能晚于今天：尚未备案的案件不能进入样本池。',
    en: 'The filing cut-off cannot be later than today: cases not yet filed cannot enter the pool.',
    clause: 'P4.3',
  },
  'spotCheck.draw.emptyPool': {
    zh: '没有可抽取的案件：截止日期前备案的案件均已参加过抽签。',
    en: 'Nothing to draw: every case filed by the cut-off has been in an earlier draw.',
    clause: 'P4.3',
  },
  'review.class.retired': {
    zh: '复核分类{reviewClass}已停用：2021年办法只有每年核查（A类）和每半年核查（B类）。',
    en: 'Review class {reviewClass} is retired: the 2021 measures know yearly (A) and six-monthly (B) reviews only.',
    clause: 'D§9',
  },
  'review.class.reasonRequired': { zh: '调整复核分类须写明理由。', en: 'A change of review class states its reason.', clause: 'D§9' },
  'review.class.unchanged': { zh: '该救助对象已是{reviewClass}类。', en: 'The enrolment is in class {reviewClass} already.', clause: 'D§9' },
  'review.enrolment.ended': { zh: '该救助对象已停止救助。', en: 'This enrolment has ended.' },
  'review.termination.underNotice': {
    zh: '该特困人员的终止供养正在公示，须待公示结束后办理。',
    en: 'A termination of this TEKUN support is under public notice; conclude it after the notice.',
    clause: 'D§9',
  },
  'review.termination.notNoticed': { zh: '该复核记录不是经公示的终止供养。', en: 'This review is not a noticed TEKUN termination.' },
  'review.termination.noticeRunning': {
    zh: '终止供养公示期至 {endsAt} 结束，结束前不能终止。',
    en: 'The termination notice runs until {endsAt}; support cannot end before.',
    clause: 'D§9',
  },
  'review.notFound': { zh: '未找到该复核记录。', en: 'Review not found.' },
  'review.report.future': { zh: '报告日期不能晚于今天。', en: 'A report cannot be dated after today.' },
  'settings.unknown': { zh: '没有名为“{key}”的设置项。', en: 'Unknown setting "{key}".' },
  'settings.value.range': { zh: '{key} 须在 {min} 到 {max} 之间。', en: '{key} must be between {min} and {max}.' },
  'settings.value.belowFloor': {
    zh: '{key} 不得低于 {floor}：{rule}。区县可以更严，不能更宽。',
    en: '{key} may not be below {floor}: {rule}. A district may be stricter, never laxer.',
  },
  'settings.value.aboveCeiling': {
    zh: '{key} 不得高于 {ceiling}：{rule}。区县可以更严，不能更宽。',
    en: '{key} may not be above {ceiling}: {rule}. A district may be stricter, never laxer.',
  },
  'settings.value.integer': { zh: '{key} 须为整数。', en: '{key} must be a whole number.' },

  // ── Permissions: refusals and the audit API's explanations ───────────────────────────────
  'permission.denied.rule': { zh: '{reason}', en: '{reason}' },
  'permission.denied.noGrant': {
    zh: '您的角色均未获准对 {subject} 执行 {action}（未授权即拒绝）。',
    en: 'No role of yours is granted {action} on {subject} (deny by default).',
  },
  'permission.denied.outOfScope': {
    zh: '超出您对 {subject} 执行 {action} 的授权范围：{scopes}。',
    en: 'Outside the scope of your grants for {action} on {subject}: {scopes}.',
  },
  'permission.explain.allowed': { zh: '{role} 角色的规则准许：{reason}', en: 'Allowed by {role}: {reason}' },
  'permission.explain.refused': { zh: '{role} 角色的规则拒绝：{reason}', en: 'Refused by {role}: {reason}' },
  'permission.explain.conditionsFail': {
    zh: '拒绝：有此操作的授权，但这条记录不满足授权条件。',
    en: 'Refused: a grant exists for this action, but its conditions do not hold for this row.',
  },
  'permission.explain.noGrant': {
    zh: '拒绝：{username} 的角色均未获准对 {subject} 执行 {action}（未授权即拒绝）。',
    en: 'Refused: no role of {username} is granted {action} on {subject} (deny by default).',
  },
  'permission.explain.conditionFailed': {
    zh: '{role}（授权区划 {heldFor}）：{property} 应为 {expected}，实际为 {actual}',
    en: '{role} held for {heldFor}: {property} must be {expected} but is {actual}',
  },
  'permission.explain.hiddenColumns': {
    zh: '无法说明：答案取决于您无权查看的数据（{columns}）。',
    en: 'Cannot explain: the answer depends on data you may not read ({columns}).',
    clause: 'D§12',
  },
  'permission.explain.whenFailed': {
    zh: '{role}（授权区划 {heldFor}）：仅限{condition}',
    en: '{role} held for {heldFor}: only where {condition}',
  },
  'permission.explain.fieldNotGranted': {
    zh: '{role}（授权区划 {heldFor}）：字段 {field} 不在授权字段之内',
    en: '{role} held for {heldFor}: field {field} is not among the granted fields',
  },
  // ── Funds: roster, fund request, payment, reconciliation (D§10) ───────────────────────────
  'funds.month.invalid': { zh: '{field} 须为 YYYY-MM 格式的月份。', en: '{field} must be a month as YYYY-MM.' },
  'funds.roster.notFound': { zh: '未找到该花名册，或您无权查看。', en: 'No such roster, or you may not see it.' },
  'funds.roster.alreadySubmitted': { zh: '该花名册已报送，不可更改；更正请生成补充花名册。', en: 'This roster is already submitted and frozen; corrections go in a supplementary roster.', clause: 'D§10' },
  'funds.roster.notSubmitted': { zh: '花名册尚未报送，可直接重新生成，无需补充花名册。', en: 'The roster is not submitted yet: a supplementary roster corrects only a submitted one.', clause: 'D§10' },
  'funds.roster.supplementOfSupplement': { zh: '请针对当月正常花名册生成补充花名册。', en: "Supplement the month's regular roster, not a supplementary one.", clause: 'D§10' },
  'funds.roster.nothingToSupplement': { zh: '{month} 已报送的花名册已包含当月全部发放对象，无需补充。', en: 'The rosters submitted for {month} already hold every payee of the month: there is nothing to supplement.', clause: 'D§10' },
  'export.param.invalid': { zh: '导出参数 {field} 缺失或无效。', en: 'The export parameter {field} is missing or invalid.' },
  'export.format.invalid': { zh: '导出格式须为 xlsx 或 csv。', en: 'The export format is xlsx or csv.' },
  'funds.institution.notFound': { zh: '未找到该供养机构，或您无权查看。', en: 'No such care institution, or you may not see it.' },
  'funds.institution.notCentralised': { zh: '只有集中供养的特困人员由供养机构收款；分散供养特困人员和低保对象发放到家庭账户。', en: 'Only a centralised TEKUN recipient is paid to a care institution; dispersed TEKUN and DIBAO are paid to the household account.', clause: 'D§10' },
  'funds.institution.secondAccountNeeded': {
    zh: '供养机构的收款账户须经两人办理：请用 proposeInstitutionAccountChange 提出变更，由另一账号确认后生效。',
    en: "A care institution's account takes two people: propose the change with proposeInstitutionAccountChange; it takes effect once a second account confirms it.",
    clause: 'D§10',
  },
  'funds.institution.exists': { zh: '本乡镇（街道）已登记同名供养机构。', en: 'The township already has a care institution of this name.', clause: 'D§10' },
  'funds.request.notFound': { zh: '未找到该资金申请，或您无权查看。', en: 'No such fund request, or you may not see it.' },
  'funds.request.noRosters': { zh: '{month} 尚无乡镇（街道）报送花名册，无法汇总资金申请。', en: 'No township has submitted a roster for {month}: there is nothing to request.', clause: 'P4.3' },
  'funds.request.exists': { zh: '{month} 已报送的花名册均已在待审或已批准的资金申请中。', en: 'Every roster submitted for {month} is already in a pending or approved fund request.', clause: 'P4.3' },
  'funds.request.decided': { zh: '该资金申请已处理（批准或退回）。', en: 'This fund request has already been approved or returned.', clause: 'P4.4' },
  'funds.request.allocationNotInFull': { zh: '拨付金额须足额等于申请金额 {requested} 元；不足额时请退回并说明理由。', en: 'The allocation must be the requested {requested} yuan in full; otherwise return the request with reasons.', clause: 'P4.4' },
  'funds.request.reasonsRequired': { zh: '退回资金申请须说明至少一条理由。', en: 'Give at least one reason for returning the request.', clause: 'P4.4' },
  'funds.batch.notFound': { zh: '未找到该代发批次，或您无权查看。', en: 'No such payment batch, or you may not see it.' },
  'funds.batch.notABank': { zh: '代发批次须发往本区银行的接口账号。', en: "A payment batch goes to a bank's integration account of the district." },
  'funds.batch.nothingToPay': { zh: '{townshipCode} 在 {month} 没有可发放的款项（补发须先更正账户）。', en: 'Nothing to pay for {townshipCode} in {month} (a re-payment needs a corrected account first).', clause: 'D§10' },
  'funds.result.none': { zh: '请至少反馈一笔结果。', en: 'Report at least one result.' },
  'funds.result.reference': { zh: '业务参考号无效或重复。', en: 'A reference is malformed or repeated.' },
  'funds.result.reasonOnlyOnFailure': { zh: '只有发放失败才填写原因。', en: 'A reason is given only for a failure.' },
  'funds.result.unknownReference': { zh: '业务参考号 {reference} 不在该批次中。', en: 'Reference {reference} is not in this batch.' },
  'funds.result.alreadyRecorded': { zh: '业务参考号 {reference} 的结果已反馈，不可更改。', en: 'The result for reference {reference} is already recorded and cannot change.', clause: 'D§10' },
} as const satisfies Record<string, { zh: string; en: string; clause?: string }>;
