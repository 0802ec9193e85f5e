.mode list
.headers off
SELECT line FROM lines;
