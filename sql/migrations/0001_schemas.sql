-- Layers: core holds every row (published and staged), analytics holds the analysts' views.
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS analytics;
