import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/client.js';
import type { Clock } from './lib/clock.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createAuthRepo } from './modules/auth/auth.repo.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { auditLog } from './modules/audit/audit.service.js';
import { createProgrammesRepo } from './modules/programmes/programmes.repo.js';
import { programmesRoutes } from './modules/programmes/programmes.routes.js';
import { createProgrammesService } from './modules/programmes/programmes.service.js';
import { createProgrammeSetup } from './modules/programmes/manage-programme.js';
import { createProgrammeParts } from './modules/programmes/programme-parts.js';
import { createDirectivesService } from './modules/directives/directives.service.js';
import { createDirectiveFiles } from './modules/directives/directive-file.js';
import { directivesRoutes } from './modules/directives/directives.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { createTasksRepo } from './modules/tasks/tasks.repo.js';
import { tasksRoutes } from './modules/tasks/tasks.routes.js';
import { createTaskImport } from './modules/tasks/import/import-tasks.js';
import { taskImportRoutes } from './modules/tasks/import/import.routes.js';
import { createTasksService } from './modules/tasks/tasks.service.js';
import { createDraftTasksRepo } from './modules/directives/draft-tasks.repo.js';
import { draftTasksRoutes } from './modules/directives/draft-tasks.routes.js';
import { createDraftTasksService } from './modules/directives/draft-tasks.service.js';
import { unitsRoutes } from './modules/units/units.routes.js';
import { createUnitsService } from './modules/units/units.service.js';
import { unitBulkRoutes } from './modules/units/unit-bulk.routes.js';
import { createUnitBulkService } from './modules/units/unit-bulk.service.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { createUsersService } from './modules/users/users.service.js';
import { accountLinksRoutes } from './modules/users/account-links.routes.js';
import { createPeopleImport } from './modules/users/people.import.js';
import { createDisciplineService } from './modules/reports/discipline.service.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { createReportsService } from './modules/reports/reports.service.js';
import { warningsRoutes } from './modules/warnings/warnings.routes.js';
import { createWarningsService } from './modules/warnings/warnings.service.js';
import { createScheduler } from './jobs/scheduler.js';
import { keepStatistics } from './db/statistics.js';
import type { Mailer } from './lib/mailer.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { adjustmentsRoutes } from './modules/adjustments/adjustments.routes.js';
import { createAdjustmentsService } from './modules/adjustments/adjustments.service.js';
import { evidenceRoutes } from './modules/evidence/evidence.routes.js';
import { createEvidenceService } from './modules/evidence/evidence.service.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { cockpitRoutes } from './modules/cockpit/cockpit.routes.js';
import { createCockpitService } from './modules/cockpit/cockpit.service.js';
import {
  cockpitRegisters,
  cockpitServices,
  kpiTiles,
  publicIndicators,
  publicServices,
  recordSources,
} from './modules/cockpit/sources.js';
import { inspectionRoutes } from './modules/inspection/inspection.routes.js';
import { createInspectionService } from './modules/inspection/inspection.service.js';
import { evaluationsRoutes } from './modules/evaluations/evaluations.routes.js';
import { createEvaluationsService } from './modules/evaluations/evaluations.service.js';
import { briefsRoutes } from './modules/briefs/briefs.routes.js';
import { createBriefsService, type BriefsService } from './modules/briefs/briefs.service.js';
import { publicationRoutes } from './modules/publication/publication.routes.js';
import { createPublicationService } from './modules/publication/publication.service.js';
import { obstaclesRoutes } from './modules/obstacles/obstacles.routes.js';
import { createRegistersImport } from './modules/obstacles/registers.import.js';
import { sheetImportRoutes } from './lib/sheet-import.routes.js';
import { unitRegistersRoutes } from './modules/units/unit-registers.routes.js';
import { createUnitRegistersService } from './modules/units/unit-registers.service.js';
import { createObstaclesService } from './modules/obstacles/obstacles.service.js';
import { recommendationsRoutes } from './modules/recommendations/recommendations.routes.js';
import { createRecommendationsService } from './modules/recommendations/recommendations.service.js';
import { pilotsRoutes } from './modules/pilots/pilots.routes.js';
import { criteriaRoutes } from './modules/criteria/criteria.routes.js';
import { criteriaServices } from './modules/criteria/services.js';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes.js';
import { createPilotsService } from './modules/pilots/pilots.service.js';
import { createUnitsRepo } from './modules/units/units.repo.js';
import { recordsRoutes } from './modules/records/records.routes.js';
import { createRecordsService } from './modules/records/records.service.js';
import { indicatorsRoutes } from './modules/indicators/indicators.routes.js';
import { createIndicatorsService, type ComputedSource } from './modules/indicators/indicators.service.js';
import { objectivesRoutes } from './modules/objectives/objectives.routes.js';
import { createObjectivesService } from './modules/objectives/objectives.service.js';
import { createMoneyImport } from './modules/money/money.import.js';
import { moneyRoutes } from './modules/money/money.routes.js';
import { createMoneyService } from './modules/money/money.service.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/error-handler.js';

export type AppOptions = {
  database: Database;
  clock: Clock;
  /** SMTP client; none keeps mail in the outbox. */
  mailer?: Mailer | null;
  publicUrl?: string;
  /** Where evidence files are stored, and their size limit. */
  filesDir?: string;
  uploadMaxMb?: number;
  /** Run scheduled jobs in this server (tests tick by hand). */
  scheduler?: boolean;
  logLevel?: string;
  sessionDays?: number;
  cookieSecure?: boolean;
  /** Sign-in attempts per IP per minute. */
  loginRateLimit?: number;
  /** "Forgot password?" requests per IP per hour. */
  resetRateLimit?: number;
  /** Serve the built web client from this folder (dist/web by default, when it exists). */
  webDir?: string | false;
  /** Functions behind computed indicators, by compute key ('records.sync_rate'). */
  computedSources?: Record<string, ComputedSource>;
};

/** Wires services to their repositories and routes; everything it needs comes in as options. */
export function createServices(
  database: Database,
  clock: Clock,
  opts: {
    sessionDays?: number;
    mailer?: Mailer | null;
    publicUrl?: string;
    log?: (m: string, e?: unknown) => void;
    filesDir?: string;
    uploadMaxMb?: number;
    computedSources?: Record<string, ComputedSource>;
  } = {},
) {
  const db = database.db;
  const sessionDays = opts.sessionDays ?? 14;
  const programmes = createProgrammesService({ repo: createProgrammesRepo(db), clock });
  // Made below (it reads what the other services compute); the warning list's event calls it.
  const late: { briefs?: BriefsService } = {};
  const tasksRepo = createTasksRepo(db);
  const notifications = createNotificationsService({
    db,
    clock,
    programmes,
    mailer: opts.mailer ?? null,
    publicUrl: opts.publicUrl ?? 'http://localhost:3000',
    onMailError: (err) => opts.log?.('mail not sent', err),
  });
  const warnings = createWarningsService({
    db,
    clock,
    programmes,
    events: {
      published: async (e) => {
        await notifications.warningPublished(e);
        // The period's brief writes itself in the background; a failure is logged, not the publication's.
        void late.briefs?.afterPublished(e);
      },
    },
  });
  const adjustments = createAdjustmentsService({
    db,
    clock,
    programmes,
    events: {
      requested: (e) => notifications.adjustmentRequested(e),
      decided: (e) => notifications.adjustmentDecided(e),
      completionRequested: (e) => notifications.completionRequested(e),
      completionDecided: (e) => notifications.completionDecided(e),
    },
  });
  const tasks = createTasksService({ db, clock, programmes });
  const directives = createDirectivesService({ db, clock, programmes });
  const filesDir = opts.filesDir ?? path.resolve('files');
  const maxBytes = (opts.uploadMaxMb ?? 20) * 1_048_576;
  const discipline = createDisciplineService({ db, clock, programmes });
  const unitsRepo = createUnitsRepo(db);
  const records = createRecordsService({ db, clock });
  // Computed indicators read the service records at read time (never stored).
  const indicators = createIndicatorsService({
    db,
    clock,
    programmes,
    computedSources: { ...recordSources(records), ...opts.computedSources },
  });
  const objectives = createObjectivesService({ db, clock, programmes, indicators });
  const money = createMoneyService({ db, clock, programmes });
  const obstacles = createObstaclesService({ db, clock, programmes });
  const recommendations = createRecommendationsService({ db, clock, programmes });
  const pilots = createPilotsService({ db, clock, programmes, tasks });
  const criteriaParts = criteriaServices(db, clock, programmes);
  const cockpit = createCockpitService({
    clock,
    programmes,
    tasks,
    tasksRepo,
    unitsRepo,
    discipline,
    warnings,
    kpis: kpiTiles(objectives),
    services: cockpitServices(records),
    registers: cockpitRegisters({
      money,
      obstacles,
      recommendations,
      pilots,
      criteria: criteriaParts.criteria,
      catalogue: criteriaParts.catalogue,
    }),
  });
  const briefs = (late.briefs = createBriefsService({
    db,
    clock,
    programmes,
    tasks,
    cockpit,
    discipline,
    warnings,
    adjustments,
    money,
    obstacles,
    recommendations,
    mailer: opts.mailer ?? null,
    log: opts.log,
  }));
  return {
    briefs,
    draftTasks: createDraftTasksService({ repo: createDraftTasksRepo(db), programmes, tasks }),
    evaluations: createEvaluationsService({
      db,
      clock,
      programmes,
      discipline,
      money,
      obstacles,
      recommendations,
      kpis: (q) => indicators.attainmentByUnit(q),
    }),
    inspection: createInspectionService({ db, programmes, discipline }),
    records,
    indicators,
    objectives,
    money,
    moneyImport: createMoneyImport({ db, clock, money }),
    notifications,
    warnings,
    adjustments,
    cockpit,
    publication: createPublicationService({
      db,
      clock,
      programmes,
      tasksRepo,
      services: publicServices(records),
      indicators: publicIndicators(objectives),
    }),
    evidence: createEvidenceService({ db, clock, programmes, filesDir, maxBytes }),
    programmeSetup: createProgrammeSetup({ db, clock, programmes }),
    programmeParts: createProgrammeParts({ db, clock, programmes }),
    directives,
    directiveFiles: createDirectiveFiles({ db, clock, programmes, directives, filesDir, maxBytes }),
    scheduler: createScheduler({ db, clock, programmes, warnings, notifications, log: opts.log }),
    auth: createAuthService({ repo: createAuthRepo(db), clock, audit: auditLog(db, clock), sessionDays }),
    programmes,
    tasks,
    units: createUnitsService({ db, clock, programmes, tasksRepo }),
    users: createUsersService({
      db,
      clock,
      publicUrl: opts.publicUrl,
      flushMail: () => notifications.flush(),
    }),
    peopleImport: createPeopleImport({
      db,
      clock,
      publicUrl: opts.publicUrl ?? 'http://localhost:3000',
      flushMail: () => notifications.flush(),
    }),
    unitBulk: createUnitBulkService({ db, clock }),
    reports: createReportsService({
      db,
      clock,
      programmes,
      events: { returned: (e) => notifications.reportReturned(e) },
    }),
    discipline,
    obstacles,
    recommendations,
    unitRegisters: createUnitRegistersService({ db, programmes, money }),
    registersImport: createRegistersImport({ db, clock, programmes, obstacles, recommendations }),
    taskImport: createTaskImport({ db, clock, programmes }),
    pilots,
    ...criteriaParts,
  };
}
export type Services = ReturnType<typeof createServices>;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    bodyLimit: 1_048_576,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = createServices(opts.database, opts.clock, {
    sessionDays: opts.sessionDays,
    mailer: opts.mailer,
    publicUrl: opts.publicUrl,
    filesDir: opts.filesDir,
    uploadMaxMb: opts.uploadMaxMb,
    computedSources: opts.computedSources,
    log: (m, e) => (/failed|not sent/.test(m) ? app.log.warn({ err: e }, m) : app.log.info({ detail: e }, m)),
  });
  app.decorate('services', services);
  if (opts.scheduler && opts.database.engine === 'pglite') {
    // No autovacuum in PGlite: the statistics are refreshed at start, then hourly. Not awaited: on
    // a large database or a busy machine it may take longer than a start-up hook may.
    let stats: ReturnType<typeof keepStatistics> | undefined;
    app.addHook('onReady', async () => {
      stats = keepStatistics(opts.database.db, (e) => app.log.warn({ err: e }, 'statistics not refreshed'));
    });
    app.addHook('onClose', async () => stats?.stop());
  }
  if (opts.scheduler) {
    app.addHook('onReady', async () => services.scheduler.start());
    app.addHook('onClose', async () => services.scheduler.stop());
  }
  app.addHook('onClose', async () => opts.mailer?.close());

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // Served over plain HTTP on intranets too: do not rewrite its own requests to HTTPS.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Steerboard API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sb_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = opts.webDir ?? fileURLToPath(new URL('../dist/web', import.meta.url));
  const serveWeb = Boolean(webDir && existsSync(webDir));
  registerErrorHandler(app, { spaFallback: serveWeb });
  registerAuth(app, services.auth);
  systemRoutes(app, opts.database);

  await app.register(
    async (api) => {
      authRoutes(api, {
        auth: services.auth,
        cookieSecure: opts.cookieSecure ?? false,
        loginRateLimit: opts.loginRateLimit ?? 20,
      });
      programmesRoutes(api, {
        programmes: services.programmes,
        setup: services.programmeSetup,
        parts: services.programmeParts,
      });
      directivesRoutes(api, {
        directives: services.directives,
        files: services.directiveFiles,
        tasks: services.tasks,
      });
      unitsRoutes(api, services.units);
      unitBulkRoutes(api, services.unitBulk);
      tasksRoutes(api, services.tasks);
      usersRoutes(api, services.users, services.peopleImport);
      accountLinksRoutes(api, services.users, { resetPerHour: opts.resetRateLimit ?? 10 });
      taskImportRoutes(api, services.taskImport);
      draftTasksRoutes(api, services.draftTasks);
      reportsRoutes(api, services.reports, services.discipline);
      warningsRoutes(api, services.warnings);
      notificationsRoutes(api, services.notifications);
      adjustmentsRoutes(api, services.adjustments);
      evidenceRoutes(api, services.evidence);
      calendarRoutes(api, { db: opts.database.db, clock: opts.clock });
      cockpitRoutes(api, { cockpit: services.cockpit, programmes: services.programmes });
      publicationRoutes(api, services.publication);
      briefsRoutes(api, services.briefs);
      evaluationsRoutes(api, services.evaluations);
      inspectionRoutes(api, services.inspection);
      recordsRoutes(api, services.records);
      indicatorsRoutes(api, services.indicators);
      objectivesRoutes(api, services.objectives);
      moneyRoutes(api, { money: services.money, imports: services.moneyImport });
      obstaclesRoutes(api, services.obstacles);
      recommendationsRoutes(api, services.recommendations);
      unitRegistersRoutes(api, services.unitRegisters);
      sheetImportRoutes(api, '/obstacles', 'obstacles', services.registersImport.obstacles);
      sheetImportRoutes(api, '/recommendations', 'recommendations', services.registersImport.recommendations);
      pilotsRoutes(api, services.pilots);
      criteriaRoutes(api, { criteria: services.criteria, xlsx: services.criteriaXlsx });
      catalogueRoutes(api, services.catalogue, services.catalogueImport);
    },
    { prefix: '/api/v1' },
  );

  if (serveWeb && webDir)
    await app.register(fastifyStatic, {
      root: webDir,
      // Hashed assets are cached for a year; the page itself is always revalidated after a release.
      maxAge: '365d',
      immutable: true,
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) res.header('cache-control', 'no-cache');
      },
    });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
