# Sourced by scripts/run, scripts/test and scripts/bench: make .venv and install the project
# into it at the versions locked in uv.lock, so every machine runs the same versions.
# Idempotent and quick when already done: a stamp under .venv records the hash of
# pyproject.toml, uv.lock and this file (so a change to any of them reinstalls), and the
# extras last installed. Needs only Python 3.11+ and pip: uv is installed with pip if missing.

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
    hash=$(cat pyproject.toml uv.lock "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1)

    # Up to date? "." is satisfied by any install of this lock; ".[test]" needs the extras.
    if [[ -f $stamp ]] && .venv/bin/python -c '' >/dev/null 2>&1; then
        local got_hash got_spec
        read -r got_hash got_spec <"$stamp" || true
        if [[ $got_hash == "$hash" && ($got_spec == "$spec" || $spec == ".") ]]; then
            _compile_project
            return 0
        fi
    fi

    # A .venv left by another Python (or a moved checkout) no longer runs: start afresh.
    if [[ -d .venv ]] && ! .venv/bin/python -c '' >/dev/null 2>&1; then
        rm -rf .venv
    fi
    if _have_uv; then
        local extras=()
        [[ $spec == ".[test]" ]] && extras=(--extra test)
        echo "== installing '$spec' into .venv (uv sync, versions from uv.lock)"
        # --locked: stop if uv.lock no longer matches pyproject.toml (run 'uv lock').
        # --compile-bytecode: uv writes no bytecode by default, and PYTHONDONTWRITEBYTECODE
        # (set on these machines) stops Python writing it: every start would compile
        # Streamlit, pandas and Altair from source again (2 s; 0.6 s compiled).
        UV_PROJECT_ENVIRONMENT=.venv _uv sync --quiet --locked --compile-bytecode "${extras[@]}"
    else
        echo "!! uv could not be installed: installing with pip, at the newest versions"
        echo "!! pyproject.toml allows rather than those locked in uv.lock"
        [[ -d .venv ]] || python3 -m venv .venv
        .venv/bin/python -m pip install --quiet --upgrade pip
        .venv/bin/python -m pip install --quiet -e "$spec"
    fi
    echo "$hash $spec" >"$stamp"
    _compile_project
}

# The app's own modules, compiled once: installed from this checkout (editable), they get
# no bytecode from uv, and PYTHONDONTWRITEBYTECODE (set on these machines) stops Python
# keeping what it compiles, so every server start compiled them from source again, and
# the first visit to a page paid its modules' compiling (the insights page's about
# 0.3 s). Quick when nothing changed: compileall skips modules whose bytecode is current.
_compile_project() {
    .venv/bin/python -m compileall -q coach coach_ui >/dev/null || true
}
