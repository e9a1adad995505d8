import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { createCatalogueImport } from '../catalogue/catalogue.import.js';
import { createCatalogueService } from '../catalogue/catalogue.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { createCriteriaService } from './criteria.service.js';
import { createCriteriaXlsx } from './criteria.xlsx.js';

/** The criteria register (sets, assessments, import and export) and the data catalogue. */
export function criteriaServices(db: Db, clock: Clock, programmes: ProgrammesService) {
  const criteria = createCriteriaService({ db, clock, programmes });
  return {
    criteria,
    criteriaXlsx: createCriteriaXlsx({ db, clock, criteria }),
    catalogue: createCatalogueService({ db, clock, programmes }),
    catalogueImport: createCatalogueImport({ db, clock, programmes }),
  };
}
