-- One login and database per service (password = name), as ./backbone infra creates them.
CREATE ROLE agenda LOGIN PASSWORD 'agenda';               CREATE DATABASE agenda OWNER agenda;
CREATE ROLE measurement LOGIN PASSWORD 'measurement';     CREATE DATABASE measurement OWNER measurement;
CREATE ROLE activity LOGIN PASSWORD 'activity';           CREATE DATABASE activity OWNER activity;
CREATE ROLE communication LOGIN PASSWORD 'communication'; CREATE DATABASE communication OWNER communication;
CREATE ROLE gateway LOGIN PASSWORD 'gateway';             CREATE DATABASE gateway OWNER gateway;
