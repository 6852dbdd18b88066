-- metadata-service's own database and login on SQL Server, with no more rights than it needs: the owner-free roles
-- to read, write and migrate (Flyway) its tables in its own database, nothing on the server or in other databases.
-- Run as sa by the sqlserver-init step of deploy/compose.sqlserver.yml; idempotent (a rerun resets the password to
-- $(METADATA_DB_PASSWORD), which sqlcmd takes from the environment). See deploy/README.md.
IF DB_ID(N'metadata') IS NULL
    CREATE DATABASE [metadata];
GO
IF SUSER_ID(N'suite_metadata') IS NULL
    CREATE LOGIN [suite_metadata] WITH PASSWORD = N'$(METADATA_DB_PASSWORD)', DEFAULT_DATABASE = [metadata],
        CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [suite_metadata] WITH PASSWORD = N'$(METADATA_DB_PASSWORD)', DEFAULT_DATABASE = [metadata];
GO
USE [metadata];
GO
IF USER_ID(N'suite_metadata') IS NULL
    CREATE USER [suite_metadata] FOR LOGIN [suite_metadata] WITH DEFAULT_SCHEMA = [dbo];
GO
ALTER ROLE db_datareader ADD MEMBER [suite_metadata];
ALTER ROLE db_datawriter ADD MEMBER [suite_metadata];
-- Flyway creates and alters the service's tables at start; foreign keys between them need REFERENCES.
ALTER ROLE db_ddladmin ADD MEMBER [suite_metadata];
GRANT REFERENCES ON SCHEMA::[dbo] TO [suite_metadata];
GO
