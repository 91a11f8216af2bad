-- A restraining order (Protection from Harassment Act 1997 s.5 and s.5A) on the record's orders.
-- It makes nobody eligible for MAPPA; its exclusion zone is compared with a proposed release or
-- HDC address (issue 14), as a sexual harm prevention order's is.
ALTER TABLE civil_orders DROP CONSTRAINT civil_orders_kind_check;
ALTER TABLE civil_orders ADD CONSTRAINT civil_orders_kind_check CHECK (
  kind IN (
    'shpo', 'interim_shpo', 'notification_order', 'interim_notification_order',
    'cta_notification_order', 'restraining_order'
  )
);
