import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { EVERYTHING } from '../../auth/scope.js';
import { requesterRoles } from '../../campaigns/settings-schema.js';
import { createCampaign } from '../../engine/campaigns/create-campaign.js';
import { decideGrant } from '../../engine/campaigns/decide-grant.js';
import { dimensions, figuresByDimension, loadMembers, readCampaignRecallBoard } from '../../engine/campaigns/campaign-report.js';
import { grantOffer } from '../../engine/campaigns/grant-offer.js';
import { launchCampaign } from '../../engine/campaigns/launch-campaign.js';
import { previewCampaign } from '../../engine/campaigns/preview-campaign.js';
import { figuresCells, figuresHead } from '../../engine/campaigns/report/figures-rows.js';
import { runCampaign } from '../../engine/campaigns/run-campaign.js';
import { listCampaigns } from '../../store/campaign-records.js';
import { getOfferCatalogue } from '../../store/offer-catalogue.js';
import { globalOptions, UsageError, withDb } from '../context.js';
import { asDay } from '../parse-args.js';
import { makeTable } from '../table.js';
import { formatDay } from '../../domain/dates.js';

const lang = z.enum(['zh-CN', 'en']);
const asLang = (v: string) => parseWith(lang, v);
const asDimension = (v: string) => parseWith(z.enum(dimensions), v);
const asRole = (v: string) => parseWith(z.enum(requesterRoles), v);

function parseWith<T>(schema: z.ZodType<T>, v: string): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new InvalidArgumentError(`"${v}" is not one of the allowed values: ${r.error.issues[0]?.message ?? ''}`);
  return r.data;
}

const print = (v: unknown) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

function readDocument(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** `retain campaign …`: create, preview, launch and run recall campaigns; offers; the board and ROI. */
export function registerCampaign(program: Command): void {
  const c = program.command('campaign').description('recall campaigns: create, preview, launch, run; offers; recall board and ROI');
  c.command('create').argument('<file>', 'a campaign document (JSON or YAML)').description('store a campaign as a draft')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const r = await withDb(globalOptions(cmd), (db) => createCampaign(db, readDocument(file), new Date()));
      if (!r.ok) throw new UsageError(`${file}: the campaign is not valid\n${r.errors.map((e) => `  ${e.field}: ${e.reason}`).join('\n')}`);
      process.stdout.write(`campaign ${r.record.campaign.id} stored as a draft; \`retain campaign preview ${r.record.campaign.id}\` shows whom it reaches\n`);
    });
  c.command('list').description('every campaign with its status').action(async (_o: unknown, cmd: Command) => {
    const list = await withDb(globalOptions(cmd), (db) => listCampaigns(db));
    const table = makeTable(['id', 'name', 'status', 'dates', 'budget', 'hold-out']);
    for (const r of list) table.push([r.campaign.id, r.campaign.name, r.status, `${r.campaign.startsOn} – ${r.campaign.endsOn}`, r.campaign.budget, `${r.holdOutShare * 100} %`]);
    process.stdout.write(`${table.toString()}\n`);
  });
  c.command('preview').argument('<id>').option('--as-of <date>', 'select from the evaluations as of this day', asDay)
    .description('how many customers the campaign reaches and what it is expected to cost').action(async (id: string, o: { asOf?: number }, cmd: Command) => {
      const p = await withDb(globalOptions(cmd), (db) => previewCampaign(db, id, o.asOf === undefined ? {} : { asOf: formatDay(o.asOf) }));
      if (!p) throw new UsageError(`no campaign "${id}"`);
      print(p);
    });
  c.command('launch').argument('<id>').option('--as-of <date>', 'select from the evaluations as of this day', asDay)
    .description('launch a draft: members and hold-out stored, the program started for the treated').action(async (id: string, o: { asOf?: number }, cmd: Command) => {
      const r = await withDb(globalOptions(cmd), (db) => launchCampaign(db, id, { now: new Date(), ...(o.asOf === undefined ? {} : { asOf: formatDay(o.asOf) }) }));
      if (!r.ok) throw new UsageError(r.reason === 'not_found' ? `no campaign "${id}"` : `campaign "${id}" is ${r.status}, not a draft`);
      print({ ...r.preview, runsStarted: r.runsStarted });
    });
  c.command('run').argument('[ids...]').description('record attempts, mark recovered and given-up members, open the attempts still due (all active campaigns by default)')
    .action(async (ids: string[], _o: unknown, cmd: Command) => {
      await withDb(globalOptions(cmd), async (db) => {
        const targets = ids.length > 0 ? ids : (await listCampaigns(db, 'active')).map((r) => r.campaign.id);
        for (const id of targets) print((await runCampaign(db, id, new Date())) ?? { campaignId: id, error: 'no such campaign' });
      });
    });
  c.command('board').argument('[ids...]').option('--lang <lang>', 'zh-CN or en', asLang, 'zh-CN')
    .description('the recall board: per campaign and recall level, daily calls, treated vs held out').action(async (ids: string[], o: { lang: 'zh-CN' | 'en' }, cmd: Command) => {
      const board = await withDb(globalOptions(cmd), (db) => readCampaignRecallBoard(db, { scope: EVERYTHING, now: new Date(), lang: o.lang, ...(ids.length ? { campaignIds: ids } : {}) }));
      for (const camp of board.campaigns) {
        const table = makeTable(figuresHead(o.lang, o.lang === 'zh-CN' ? '召回等级' : 'Recall level'));
        for (const row of [...camp.byLevel, camp.total]) table.push(figuresCells(row, o.lang).map((v) => v ?? ''));
        process.stdout.write(`${camp.name} (${camp.id}, ${camp.status}, ${camp.startsOn} – ${camp.endsOn})\n${table.toString()}\n${camp.total.verdict}\n\n`);
      }
      const daily = makeTable([o.lang === 'zh-CN' ? '日期' : 'Day', o.lang === 'zh-CN' ? '外呼' : 'Calls', o.lang === 'zh-CN' ? '接通' : 'Connected']);
      for (const d of board.daily) daily.push([d.day, d.calls, d.connected]);
      process.stdout.write(`${daily.toString()}\n`);
    });
  c.command('roi').option('--by <dimension>', dimensions.join(' | '), asDimension, 'campaign').option('--lang <lang>', 'zh-CN or en', asLang, 'zh-CN')
    .option('--campaign <id...>', 'only these campaigns').description('cost, return, ROI and the incremental return from the hold-out, per dimension')
    .action(async (o: { by: (typeof dimensions)[number]; lang: 'zh-CN' | 'en'; campaign?: string[] }, cmd: Command) => {
      const rows = await withDb(globalOptions(cmd), async (db) => {
        const { members } = await loadMembers(db, { scope: EVERYTHING, now: new Date(), ...(o.campaign ? { campaignIds: o.campaign } : {}) });
        return figuresByDimension(db, members, o.by, o.lang);
      });
      const table = makeTable(figuresHead(o.lang, o.by));
      for (const r of rows) table.push(figuresCells(r, o.lang).map((v) => v ?? ''));
      process.stdout.write(`${table.toString()}\n${rows.map((r) => `${r.key}: ${r.verdict}`).join('\n')}\n`);
    });
  c.command('offers').description('the offer catalogue in force').action(async (_o: unknown, cmd: Command) => {
    print(await withDb(globalOptions(cmd), getOfferCatalogue));
  });
  c.command('grant').argument('<campaign>').requiredOption('--customer <id>').requiredOption('--offer <id>').requiredOption('--staff <id>', 'who gives it')
    .requiredOption('--role <role>', 'their role (sets the approval limit)', asRole).description('give an offer to a treated member (within the limit, else sent for approval)')
    .action(async (id: string, o: { customer: string; offer: string; staff: string; role: (typeof requesterRoles)[number] }, cmd: Command) => {
      print(await withDb(globalOptions(cmd), (db) => grantOffer(db, { campaignId: id, customerId: o.customer, offerId: o.offer, staffId: o.staff, role: o.role }, new Date())));
    });
  c.command('decide').argument('<grant>', 'the offer grant id').option('--approve').option('--reject').requiredOption('--staff <id>').requiredOption('--role <role>', 'the approver’s role', asRole)
    .description('approve or reject an offer waiting for approval').action(async (grant: string, o: { approve?: boolean; reject?: boolean; staff: string; role: (typeof requesterRoles)[number] }, cmd: Command) => {
      if (!o.approve === !o.reject) throw new UsageError('give exactly one of --approve and --reject');
      const id = z.coerce.number().int().positive().safeParse(grant);
      if (!id.success) throw new UsageError(`"${grant}" is not a grant id`);
      print(await withDb(globalOptions(cmd), (db) => decideGrant(db, id.data, { approve: !!o.approve, staffId: o.staff, role: o.role }, new Date())));
    });
}
