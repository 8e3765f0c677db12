/** OpenSSH public keys for tests, made with ssh-keygen; their private halves were never kept. */

export const RSA_2048_KEY =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDLXlHYSX3NyJ8iXceGTT96vI9iF5UTWXae5CZe+brcBGOQQlJia/QNh413akvmUk+EJ1YKnKP8aaAkw0F7jaKoDMJmSqnIe1mocLlALw9qzZOX/+un8Sckeauov5b/B0M2rQGs3goHbuzzvh3Qp37O9t9Ey5fUvm1cLElGcK+Y0WugzPvEVEXSmyOVjSISWnU93GjN9PhX5TNN+ZfkMR3GQ/2rKm8jyJ45RZLQxm744leu+UwE2sVNaf9PZ7rx03C9aj5O+B8dITexM3ccFf1lqFndI/FT+9WC8O3WY2P1bqS2u5mkc9SUZNz6BJMbNUedS6jmhycpLeK05sE99s7R ops@example";
export const ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOczz86AGGkIOB7IfzLFIZmGijvYe6+SmdNkU11ouIl+ ops@example";
/** Shorter than Azure accepts. */
export const RSA_1024_KEY =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDo8IYbt4EzzrUaD2UjNpgOHyuGWwnUyNMCXGLySt9lCWNQOKfmkB71bkfakOpK2q3lY6tzamunpXGm10exNl2aJ6Z8Y/D3QW2PHKKMo0T9hZ17BZ2ku2RgUPUufUdqafpgnxK+OvyafCRb5bGiN+dnr7LsHg/vMaOmOCv9XMVnJw== old@example";
/** A key type Azure does not accept for VM login. */
export const ECDSA_KEY =
    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBINTZ1aBX8kYOMZ5t6btRTUFkYFdFPBhMXeC+MPc/2LCNjUiMHQB0VzX9hjisVab3DJ2CJImOGfr8yQF+/Yyb64= e";
