"""Interview Coach: the domain package. Knows nothing of Streamlit."""
