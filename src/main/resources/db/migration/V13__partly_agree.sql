-- "Đồng ý một phần": partly agree, with the citizen's text saying which part (required).
alter table opinion.answer drop constraint answer_stance_check;
alter table opinion.answer add constraint answer_stance_check
  check (stance in ('APPROVE', 'DISAPPROVE', 'PARTLY'));
