# Sourced by scripts/run and scripts/test: make .venv and install the project into it.
# Idempotent and quick when already done: a stamp under .venv records the hash of
# pyproject.toml and of this file (so a change to how we install reinstalls), and the
# extras last installed.

_uv() {
    if command -v uv >/dev/null 2>&1; then
        uv "$@"
    else
        python3 -m uv "$@"
    fi
}

_have_uv() {
    command -v uv >/dev/null 2>&1 && return 0
    python3 -m uv --version >/dev/null 2>&1 && return 0
    echo "== installing uv (python3 -m pip install uv)"
    python3 -m pip install --quiet uv >/dev/null 2>&1 && python3 -m uv --version >/dev/null 2>&1
}

# bootstrap SPEC   where SPEC is "." (the app) or ".[test]" (the app and its test tools)
bootstrap() {
    local spec=$1
    local stamp=.venv/.coach-installed
    local hash
    hash=$(cat pyproject.toml "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1)

    local use_uv=1
    if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c '' >/dev/null 2>&1; then
        rm -rf .venv
        if _have_uv; then
            echo "== creating .venv (uv)"
            _uv venv --quiet .venv
        else
            echo "== creating .venv (python3 -m venv; uv unavailable)"
            python3 -m venv .venv
            use_uv=0
        fi
    fi

    # Up to date? "." is satisfied by any install of this pyproject; ".[test]" needs the extras.
    if [[ -f $stamp ]]; then
        local got_hash got_spec
        read -r got_hash got_spec <"$stamp" || true
        if [[ $got_hash == "$hash" && ($got_spec == "$spec" || $spec == ".") ]]; then
            return 0
        fi
    fi

    echo "== installing -e '$spec' into .venv"
    if [[ $use_uv == 1 ]] && _have_uv; then
        # uv writes no bytecode by default, and PYTHONDONTWRITEBYTECODE (set on these
        # machines) stops Python writing it: every start would compile Streamlit, pandas
        # and Altair from source again (2 s; 0.6 s compiled).
        _uv pip install --quiet --compile-bytecode --python .venv/bin/python -e "$spec"
    else
        .venv/bin/python -m pip install --quiet --upgrade pip
        .venv/bin/python -m pip install --quiet -e "$spec"
    fi
    echo "$hash $spec" >"$stamp"
}
