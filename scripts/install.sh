#!/bin/sh
# install.sh: installs motcua from this unpacked release into PREFIX (default /usr/local).
# Needs no network and nothing but a POSIX shell and coreutils.
#
#   sudo ./install.sh                      # into /usr/local
#   PREFIX=$HOME/.local ./install.sh       # or: ./install.sh --prefix $HOME/.local
#
# Installs bin/motcua, share/man/man1/motcua.1, share/motcua/keymaps/*.keys and
# share/doc/motcua/*. The binary is replaced by a rename, so desks already running keep theirs
# until they restart.
set -eu

PREFIX=${PREFIX:-/usr/local}
while [ $# -gt 0 ]; do
    case $1 in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix cần một thư mục (needs a directory)" >&2; exit 2; }
                  PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: không hiểu '$1' (unknown argument); xem --help" >&2; exit 2 ;;
    esac
done
case $PREFIX in
    /*) ;;
    *) PREFIX=$(pwd)/$PREFIX ;;
esac

HERE=$(cd "$(dirname "$0")" && pwd)
[ -x "$HERE/bin/motcua" ] || { echo "install.sh: không thấy bin/motcua cạnh install.sh (run it from the unpacked release)" >&2; exit 2; }

refuse() {
    echo "install.sh: không có quyền ghi vào $PREFIX ($1)." >&2
    echo "  Chạy lại với quyền quản trị:   sudo ./install.sh" >&2
    echo "  hoặc cài cho riêng mình:       PREFIX=\$HOME/.local ./install.sh" >&2
    echo "install.sh: no permission to write to $PREFIX; run it with sudo, or choose PREFIX=\$HOME/.local." >&2
    exit 1
}

# The nearest folder that exists must be writable, and every folder must be creatable.
probe=$PREFIX
while [ ! -d "$probe" ]; do probe=$(dirname "$probe"); done
[ -w "$probe" ] || refuse "$probe không ghi được / is not writable"
for d in bin share/man/man1 share/motcua/keymaps share/doc/motcua; do
    mkdir -p "$PREFIX/$d" 2>/dev/null || refuse "không tạo được $PREFIX/$d / cannot create it"
    [ -w "$PREFIX/$d" ] || refuse "$PREFIX/$d không ghi được / is not writable"
done

put() { # put MODE SRC DEST: copy beside the destination, then rename over it
    tmp="$3.new.$$"
    cp "$2" "$tmp" 2>/dev/null || { rm -f "$tmp"; refuse "không ghi được $3 / cannot write it"; }
    chmod "$1" "$tmp"
    mv -f "$tmp" "$3"
    echo "  $3"
}

echo "Cài motcua vào $PREFIX (installing):"
put 0755 "$HERE/bin/motcua" "$PREFIX/bin/motcua"
put 0644 "$HERE/share/man/man1/motcua.1" "$PREFIX/share/man/man1/motcua.1"
for f in "$HERE"/share/motcua/keymaps/*.keys; do
    put 0644 "$f" "$PREFIX/share/motcua/keymaps/$(basename "$f")"
done
for f in "$HERE"/share/doc/motcua/*; do
    put 0644 "$f" "$PREFIX/share/doc/motcua/$(basename "$f")"
done

version=$("$PREFIX/bin/motcua" --version 2>/dev/null) || version="?"
echo "Xong: motcua $version. Thử: $PREFIX/bin/motcua --help; man motcua (hướng dẫn: $PREFIX/share/doc/motcua/huong-dan-cai-dat.md)"
