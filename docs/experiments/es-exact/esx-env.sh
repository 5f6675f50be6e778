# Sourced by the shell scripts: the same variables as settings.py, with the same defaults.
ESX_DIR=${ESX_DIR:-/tmp/esexact}
ESX_PORT=${ESX_PORT:-47950}
ESX_REPO=${ESX_REPO:-/work/main}
HOME_ES=$ESX_REPO/local-stack/target/elasticsearch/elasticsearch-9.2.8
INST=$ESX_DIR/es
