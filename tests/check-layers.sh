#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when data/, engine/ or plots/ include GTK or libadwaita (layers only look down).
top="$1"
status=0
for layer in data engine plots; do
  hits=$(grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|adwaita)' "$top/$layer" 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "$layer/ includes GTK:"; echo "$hits"; status=1
  fi
  if grep -qE "gtk_dep|adwaita" "$top/$layer/meson.build"; then
    echo "$layer/meson.build depends on GTK"; status=1
  fi
done
[ $status -eq 0 ] && echo "data/ engine/ plots/ are free of GTK"
exit $status
