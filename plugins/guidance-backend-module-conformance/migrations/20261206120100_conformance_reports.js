// @ts-check

/**
 * CI reports: what `paved-road check` found on a ref of an entity's repository (`main`,
 * `pull/42`), pushed by a service token. One row per entity x ref: the latest report wins.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('guidance_conformance_reports', table => {
    table.comment('The latest CI report per entity x ref');
    table.string('entity_ref', 512).notNullable();
    table.string('ref', 200).notNullable();
    table.text('url').nullable();
    table.text('title').nullable();
    table.string('commit', 64).nullable();
    table.string('received_at', 32).notNullable();
    // { pass, fail, waived, notApplicable }, and the results as the CLI's json format has them
    table.text('summary').notNullable();
    table.text('results').notNullable();
    table.primary(['entity_ref', 'ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('guidance_conformance_reports');
};
