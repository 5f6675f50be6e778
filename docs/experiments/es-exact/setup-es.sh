#!/bin/bash
# Creates the ES instance dir $ESX_DIR/es (config copy, hunspell nl_NL, data, logs, tmp), owned by kamerstukken-es.
set -euo pipefail
. "$(dirname "$0")/esx-env.sh"
USER_ES=kamerstukken-es
getent passwd $USER_ES >/dev/null || useradd --system --no-create-home --user-group --shell /usr/sbin/nologin $USER_ES
rm -rf $INST; mkdir -p $INST/{data,logs,tmp}
cp -r $HOME_ES/config $INST/config
mkdir -p $INST/config/hunspell/nl_NL
cp -L /usr/share/hunspell/nl_NL.aff /usr/share/hunspell/nl_NL.dic $INST/config/hunspell/nl_NL/
chmod o+x $ESX_DIR
chown -R $USER_ES:$USER_ES $INST
