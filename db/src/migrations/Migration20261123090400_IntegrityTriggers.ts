import { Migration } from '@mikro-orm/migrations';

/**
 * Rules that span two rows, which a check constraint cannot express. Each raises a
 * check_violation naming its constraint and column, so callers report them like any check.
 */
export class Migration20261123090400_IntegrityTriggers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function region_parent_is_province() returns trigger language plpgsql as $$
      declare parent region%rowtype;
      begin
        if new.parent_id is null then return new; end if;
        select * into parent from region where id = new.parent_id;
        if parent.level <> 'PROVINCE' then
          raise exception 'region %: parent % is a %, not a province', new.code, parent.code, parent.level
            using errcode = 'check_violation', constraint = 'region_parent_is_province', column = 'parent_id', table = 'region';
        end if;
        if split_part(new.code, '.', 1) <> parent.code then
          raise exception 'region %: code does not start with its province code %', new.code, parent.code
            using errcode = 'check_violation', constraint = 'region_code_under_parent', column = 'code', table = 'region';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger region_parent_is_province before insert or update of parent_id, code on region
      for each row execute function region_parent_is_province();`);

    this.addSql(`create function session_inside_event() returns trigger language plpgsql as $$
      declare owner event%rowtype;
      begin
        select * into owner from event where id = new.event_id;
        if new.starts_at < owner.starts_at or new.ends_at > owner.ends_at then
          raise exception 'session of event %: % to % lies outside the event (% to %)', owner.id, new.starts_at, new.ends_at, owner.starts_at, owner.ends_at
            using errcode = 'check_violation', constraint = 'session_inside_event', column = 'starts_at', table = 'session';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger session_inside_event before insert or update of starts_at, ends_at, event_id on session
      for each row execute function session_inside_event();`);

    this.addSql(`create function event_keeps_its_sessions() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from session where event_id = new.id and (starts_at < new.starts_at or ends_at > new.ends_at)) then
          raise exception 'event %: new dates % to % would leave sessions outside the event', new.id, new.starts_at, new.ends_at
            using errcode = 'check_violation', constraint = 'session_inside_event', column = 'starts_at', table = 'event';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger event_keeps_its_sessions before update of starts_at, ends_at on event
      for each row execute function event_keeps_its_sessions();`);

    this.addSql(`create function observation_fits_indicator() returns trigger language plpgsql as $$
      declare measured indicator%rowtype;
      begin
        select * into measured from indicator where id = new.indicator_id;
        if new.period_type <> measured.period_type then
          raise exception 'observation of %: period type % but the indicator is reported per %', measured.code, new.period_type, measured.period_type
            using errcode = 'check_violation', constraint = 'observation_period_type_of_indicator', column = 'period_type', table = 'observation';
        end if;
        if new.value < measured.min_value or new.value > measured.max_value then
          raise exception 'observation of %: value % is outside % to %', measured.code, new.value, coalesce(measured.min_value::text, '-inf'), coalesce(measured.max_value::text, 'inf')
            using errcode = 'check_violation', constraint = 'observation_value_in_range', column = 'value', table = 'observation';
        end if;
        if (new.core_value_id is not null) <> measured.by_core_value then
          raise exception 'observation of %: a core value is %', measured.code, case when measured.by_core_value then 'required' else 'not allowed' end
            using errcode = 'check_violation', constraint = 'observation_core_value_of_indicator', column = 'core_value_id', table = 'observation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger observation_fits_indicator before insert or update on observation
      for each row execute function observation_fits_indicator();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger observation_fits_indicator on observation;');
    this.addSql('drop function observation_fits_indicator();');
    this.addSql('drop trigger event_keeps_its_sessions on event;');
    this.addSql('drop function event_keeps_its_sessions();');
    this.addSql('drop trigger session_inside_event on session;');
    this.addSql('drop function session_inside_event();');
    this.addSql('drop trigger region_parent_is_province on region;');
    this.addSql('drop function region_parent_is_province();');
  }
}
