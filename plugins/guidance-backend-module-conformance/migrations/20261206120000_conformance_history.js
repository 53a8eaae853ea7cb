// @ts-check

/**
 * Conformance over time: one row per day per entity x rule (the status with waivers applied
 * that day), and the notifications already sent, so none goes out twice.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('guidance_conformance_history', table => {
    table.comment('Daily status per entity x rule; kept guidance.conformance.history.retentionDays');
    table.string('day', 10).notNullable();
    table.string('entity_ref', 512).notNullable();
    table.string('rule_id', 200).notNullable();
    table.string('owner', 512).nullable();
    // pass | fail | waived: not-applicable rules are not recorded
    table.string('status', 16).notNullable();
    table.primary(['day', 'entity_ref', 'rule_id']);
    table.index(['owner', 'day'], 'guidance_conformance_history_owner_idx');
    table.index(['rule_id', 'day'], 'guidance_conformance_history_rule_idx');
  });
  await knex.schema.createTable('guidance_conformance_notifications', table => {
    table.comment('What owners were told: one row per entity x rule x reason x occasion');
    table.string('entity_ref', 512).notNullable();
    table.string('rule_id', 200).notNullable();
    // regression | waiver-expiring | waiver-expired | enforcement-soon
    table.string('reason', 32).notNullable();
    // what the occasion is: the day of the regression, the waiver's date, the enforceFrom date
    table.string('occasion', 32).notNullable();
    table.string('owner', 512).notNullable();
    table.text('message').notNullable();
    table.string('created_at', 32).notNullable();
    // null while it waits for the owner's weekly digest
    table.string('sent_at', 32).nullable();
    table.primary(['entity_ref', 'rule_id', 'reason', 'occasion']);
    table.index(['owner', 'sent_at'], 'guidance_conformance_notifications_owner_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('guidance_conformance_notifications');
  await knex.schema.dropTable('guidance_conformance_history');
};
