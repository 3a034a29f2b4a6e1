"""A call's transcript turned into asks, only after the candidate's preview.

The steps, one module each:

- `files`: the uploaded bytes as text, or one sentence saying why not (empty, binary,
  too large, another encoding);
- `cues`: the text as timed, attributed cues: WebVTT (webvtt-py), SRT (srt), or plain
  `Name: text` lines with or without timestamps (our own small parser);
- `turns`: consecutive cues of one speaker as one turn, and who spoke how long;
- `asking`: the questions in an interviewer's turn (English and Chinese);
- `preview`: rows of question, answer and measured speaking time, which the candidate
  edits, merges, splits and drops before anything is stored;
- `store`: the confirmed rows written as asks, the transcript kept only if asked.

Nothing here reads the clock or imports the UI.
"""
