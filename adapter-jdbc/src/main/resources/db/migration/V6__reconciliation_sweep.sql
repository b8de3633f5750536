-- The reconciliation sweep: a lease that replicas take turns on, so that one of them sweeps per interval, and per
-- platform the time up to which its failed runs were listed.
CREATE TABLE sweep_leases (
  name        VARCHAR(100) NOT NULL PRIMARY KEY,
  holder      VARCHAR(200) NOT NULL,
  held_until  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sweep_watermarks (
  source       VARCHAR(20) NOT NULL PRIMARY KEY,
  swept_until  TIMESTAMP WITH TIME ZONE NOT NULL
);
