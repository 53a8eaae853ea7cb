// @ts-check

/**
 * Conformance results: one row per evaluated entity (its source and when it was read)
 * and one row per entity x rule (raw status, findings, the waiver the entity declares).
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('guidance_conformance_entities', table => {
    table.comment('Catalog entities whose source the conformance service read');
    table.string('entity_ref', 512).primary().notNullable();
    table.string('owner', 512).nullable();
    table.text('location').notNullable();
    table.string('etag', 512).nullable();
    table.text('error').nullable();
    // hash of the rule ids, location and waivers the results were computed with: a change re-evaluates
    table.string('fingerprint', 128).notNullable();
    table.string('evaluated_at', 32).notNullable();
  });
  await knex.schema.createTable('guidance_conformance_results', table => {
    table.comment('One row per entity x rule');
    table
      .string('entity_ref', 512)
      .notNullable()
      .references('entity_ref')
      .inTable('guidance_conformance_entities')
      .onDelete('CASCADE');
    table.string('rule_id', 200).notNullable();
    // pass | fail | not-applicable: waivers are applied when read, so expiry needs no run
    table.string('status', 32).notNullable();
    table.text('findings').notNullable();
    table.string('waiver_until', 10).nullable();
    table.text('waiver_reason').nullable();
    table.string('evaluated_at', 32).notNullable();
    table.primary(['entity_ref', 'rule_id']);
    table.index('rule_id', 'guidance_conformance_results_rule_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('guidance_conformance_results');
  await knex.schema.dropTable('guidance_conformance_entities');
};
