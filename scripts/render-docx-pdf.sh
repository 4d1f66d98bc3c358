#!/usr/bin/env bash
# Renders a .docx to PDF with LibreOffice and its first page to a PNG, to eyeball an export
# (e.g. of src/hosts/word/docx-export.ts) without Word. Not used by the jest tests.
#
# Usage: scripts/render-docx-pdf.sh IN.docx OUTDIR
#   writes OUTDIR/<name>.pdf and OUTDIR/<name>-1.png (page 1 at 60 dpi)
#
# Needs (Debian 12):
#   apt-get update
#   apt-get install -y libreoffice-writer-nogui poppler-utils fonts-wqy-microhei
# and for closer rendering of the 公文 fonts: fonts-noto-cjk and fonts-arphic-ukai. Debian has no
# 仿宋/黑体/楷体/宋体 themselves, and fontconfig would map them all to one sans font; this script
# maps them, for this run only (a temporary FONTCONFIG_FILE that includes the system config), to
#   仿宋, 仿宋_GB2312, 宋体, 方正小标宋简体 -> Noto Serif CJK SC   (a serif: 仿宋 is a serif-like 宋 style)
#   黑体                               -> Noto Sans CJK SC, WenQuanYi Micro Hei
#   楷体, 楷体_GB2312                   -> AR PL UKai CN
# so the page shows the layout (margins, indents, sizes, highlights, which font goes where), not
# the exact typefaces Word on Windows uses.
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 IN.docx OUTDIR" >&2
  exit 2
fi
in="$1"
outdir="$2"
[ -f "$in" ] || { echo "$0: no such file: $in" >&2; exit 1; }

office=""
for c in libreoffice soffice; do
  if command -v "$c" >/dev/null 2>&1; then office="$c"; break; fi
done
[ -n "$office" ] || { echo "$0: libreoffice not found (apt-get install -y libreoffice-writer-nogui)" >&2; exit 1; }
command -v pdftoppm >/dev/null 2>&1 || { echo "$0: pdftoppm not found (apt-get install -y poppler-utils)" >&2; exit 1; }

mkdir -p "$outdir"
name="$(basename "${in%.*}")"
# A private profile: a concurrent LibreOffice (or a stale lock in ~/.config) makes --headless exit
# silently without converting.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

alias_xml() { # family preferred...
  local family="$1"; shift
  printf '  <alias binding="same"><family>%s</family><prefer>' "$family"
  for f in "$@"; do printf '<family>%s</family>' "$f"; done
  printf '</prefer></alias>\n'
}
{
  echo '<?xml version="1.0"?>'
  echo '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
  echo '<fontconfig>'
  echo '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
  for f in 仿宋 仿宋_GB2312 FangSong 宋体 SimSun 方正小标宋简体; do alias_xml "$f" 'Noto Serif CJK SC' 'AR PL UMing CN'; done
  for f in 黑体 SimHei; do alias_xml "$f" 'Noto Sans CJK SC' 'WenQuanYi Micro Hei'; done
  for f in 楷体 楷体_GB2312 KaiTi; do alias_xml "$f" 'AR PL UKai CN' 'Noto Serif CJK SC'; done
  echo '</fontconfig>'
} >"$profile/fonts.conf"
export FONTCONFIG_FILE="$profile/fonts.conf"

"$office" -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$outdir" "$in" >/dev/null
pdf="$outdir/$name.pdf"
[ -f "$pdf" ] || { echo "$0: LibreOffice produced no PDF for $in" >&2; exit 1; }

pdftoppm -png -r 60 -f 1 -l 1 "$pdf" "$outdir/$name"
# pdftoppm numbers pages with as many digits as the page count needs (name-1.png, name-01.png…).
png="$(ls "$outdir/$name"-*1.png 2>/dev/null | head -n 1)"
echo "$pdf"
echo "$png"
