import { Role } from '../../permissions/roles';
import { RegionKind } from '../../src/modules/region/region.entity';
import type { DemoAccount } from '../../src/seed/demo-district';

/** A second, neighbouring district: nothing in it is visible to the demo district, and vice versa. */
export const OTHER_DISTRICT = {
  regions: [
    { code: '510198000000', name: 'Neighbour District 邻区', kind: RegionKind.DISTRICT, population: 50000 },
    { code: '510198101000', name: 'Neighbour Town 邻镇', kind: RegionKind.TOWNSHIP, population: 20000 },
    { code: '510198101201', name: 'Neighbour Village 邻村', kind: RegionKind.VILLAGE, population: 5000 },
  ],
  accounts: [
    { username: 'other.admin', displayName: 'Neighbour admin', regionCode: '510198000000', roles: [Role.ADMIN] },
    { username: 'other.officer', displayName: 'Neighbour officer', regionCode: '510198000000', roles: [Role.DISTRICT_OFFICER] },
    { username: 'other.caseworker', displayName: 'Neighbour caseworker', regionCode: '510198101000', roles: [Role.TOWNSHIP_CASEWORKER] },
    { username: 'other.va', displayName: 'Neighbour assistant', regionCode: '510198101201', roles: [Role.VILLAGE_ASSISTANT] },
  ] as DemoAccount[],
};
